import { describe, expect, it } from 'vitest';
import { renderMessage } from './message-templates.js';

describe('message text', () => {
  it('is plain text: a resident reads "&" and quotes as written, not as HTML entities', () => {
    const message = { title: { 'zh-CN': '活动通知' }, kind: 'events', text: '{{data.theme}}：{{person.name}}您好', params: { theme: '{{data.theme}}' } };
    const out = renderMessage(message as never, { data: { theme: '亲子 & "读书" <会>' }, person: { name: "O'Neil" } });
    expect(out.text).toBe('亲子 & "读书" <会>：O\'Neil您好');
    expect(out.params.theme).toBe('亲子 & "读书" <会>');
  });
});
