/**
 * Server refusals are worded from their code and params (what the server sends next to its English
 * message), in Chinese by default and in English when asked — never by reading the English.
 */
import { describe, expect, it } from 'vitest';
import { issueText } from './issue-text.js';
import zh from '../messages/errors/zh-CN.json' with { type: 'json' };

// a message the client must not need: the wording comes from code + params
const NO_TEXT = 'x';

describe('issueText from code and params', () => {
  it.each([
    [{ pointer: '/data/content', code: 'maxLength', params: { limit: 200 } }, '最多 200 个字'],
    [{ pointer: '/data/content', code: 'minLength', params: { limit: 1 } }, '不能为空'],
    [{ pointer: '/data/amount', code: 'minimum', params: { limit: 0 } }, '不能小于 0'],
    [{ pointer: '/data/items', code: 'minItems', params: { limit: 3 } }, '至少需要 3 项'],
    [{ pointer: '/data/content', code: 'required', params: { field: 'content' } }, '必填'],
    [{ pointer: '/config/defaults', code: 'config-defaults', params: { keyword: 'required', field: 'penalty' } }, '缺少必填项“penalty”'],
    [{ pointer: '/data/channel', code: 'enum', params: { allowed: ['phone', 'visit'] } }, '不是允许的取值，请从选项中选择'],
    [{ pointer: '/hacker', code: 'additionalProperties', params: { field: 'hacker' } }, '有不允许的设置项'],
    [{ pointer: '/transition', code: 'invalid-state', params: { state: 'closed', transition: 'resume' } }, '事项当前状态为“closed”，不能进行此操作，请刷新后重试'],
    [{ pointer: '/version', code: 'stale', params: { expected: 1, actual: 2 } }, '已被他人修改，请刷新后重试'],
    [{ pointer: '/data/amount', code: 'guard', params: { transition: 'refund', 'zh-CN': '退款金额不能超过实收', en: 'Refund exceeds paid' } }, '退款金额不能超过实收'],
    [{ pointer: '/states/x/next', code: 'unknown-state', params: { name: 'done' } }, '状态“done”不存在'],
    [{ pointer: '/data/from', code: 'pattern', params: { pattern: '^\\d{4}-\\d{2}-\\d{2}$' } }, '日期格式应为 YYYY-MM-DD（如 2027-01-01）'],
  ])('%o → %s', (issue, expected) => {
    expect(issueText({ message: NO_TEXT, ...issue }, 'zh-CN')).toEqual({ text: expected, detail: NO_TEXT, translated: true });
  });

  it('speaks English from the same code and params', () => {
    expect(issueText({ pointer: '/data/content', code: 'maxLength', message: NO_TEXT, params: { limit: 200 } }, 'en').text).toBe('At most 200 characters');
    expect(issueText({ pointer: '/data/amount', code: 'guard', message: NO_TEXT, params: { 'zh-CN': '退款金额不能超过实收', en: 'Refund exceeds paid' } }, 'en').text).toBe('Refund exceeds paid');
  });

  it('words every code of the errors catalogue in Chinese with its placeholders filled', () => {
    const codes = Object.keys(zh).filter((k) => !k.includes('_'));
    for (const code of codes) {
      const { text, translated } = issueText({ pointer: '/a/b', code, message: NO_TEXT, params: { name: 'n1', limit: 5, state: 's1' } }, 'zh-CN');
      expect(translated, code).toBe(true);
      expect(text, code).not.toMatch(/[{}]/);
      expect(text, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('falls back to the server text for a code it does not know', () => {
    expect(issueText({ pointer: '', code: 'brand-new', message: 'something new' }, 'zh-CN')).toEqual({ text: 'something new', detail: 'something new', translated: false });
  });
});
