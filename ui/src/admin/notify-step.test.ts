/** 发送通知: the notify effect and a company type's new message made from the designer's choices. */
import { describe, expect, it } from 'vitest';
import type { FieldSchema, WorkflowDeclaration } from './admin-types.js';
import { effectWords, type FieldRef } from './declared-steps.js';
import { checkNotify, insertableFields, insertions, messagesInUse, newMessage, notifyEffect, providerParams, toTemplate, type NotifyAnswers } from './notify-step.js';

const answers = (patch: Partial<NotifyAnswers> = {}): NotifyAnswers => ({ to: 'resident', role: '', channel: 'sms', urgent: false, template: '', title: '拜访办结', text: '{{person.name}}您好', ...patch });
const field = (key: string, schema: Record<string, unknown>): FieldRef => ({ key, label: key, schema: schema as FieldSchema });

describe('发送通知', () => {
  it('refuses a missing role, an unknown message, and a new message without name or text or beyond 500 characters', () => {
    expect(checkNotify(answers({ to: 'role', role: 'nobody' }), ['supervisor'], [])).toEqual({ role: 'n_roleRequired' });
    expect(checkNotify(answers({ template: 'gone' }), [], ['xType1Msg1'])).toEqual({ template: 'n_templateRequired' });
    expect(checkNotify(answers({ title: ' ', text: '' }), [], [])).toEqual({ title: 'n_titleRequired', text: 'n_textRequired' });
    expect(checkNotify(answers({ text: '字'.repeat(501) }), [], [])).toEqual({ text: 'n_textTooLong' });
    expect(checkNotify(answers({ to: 'role', role: 'supervisor' }), ['supervisor'], [])).toEqual({});
  });

  it('makes the provider variables from the insertions in order, named after their last part and unique', () => {
    const text = '{{person.name}}您好：{{building.name}}{{unit.number}}的拜访（{{case.serial}}）已办结，{{ person.name }}';
    expect(insertions(text)).toEqual(['person.name', 'building.name', 'unit.number', 'case.serial']);
    expect(providerParams(text)).toEqual({ name: '{{person.name}}', name1: '{{building.name}}', number: '{{unit.number}}', serial: '{{case.serial}}' });
  });

  it('stores the values the admin inserted by title as the template reads them; other brackets stay as written', () => {
    const tokens = [{ label: '单号', insert: '{{case.serial}}' }, { label: '拜访日期', insert: '{{data.field3}}' }];
    expect(toTemplate('【单号】于【拜访日期】拜访，【备注】', tokens)).toBe('{{case.serial}}于{{data.field3}}拜访，【备注】');
  });

  it('a new message gets a generated id in the company type\'s name and the service kind', () => {
    const made = newMessage('xType1', ['xType1Msg1', 'parcelArrived'], ' 拜访办结 ', '{{case.serial}} 已办结');
    expect(made).toEqual({ id: 'xType1Msg2', message: { title: { 'zh-CN': '拜访办结' }, kind: 'service', text: '{{case.serial}} 已办结', params: { serial: '{{case.serial}}' } } });
  });

  it('writes the effect each target takes: a channel and urgency only for residents, a role only for a role', () => {
    expect(notifyEffect(answers({ urgent: true, channel: 'wechat' }), 'm')).toEqual({ type: 'notify', params: { to: 'resident', template: 'm', channel: 'wechat', urgent: true } });
    expect(notifyEffect(answers({ to: 'role', role: 'supervisor', urgent: true }), 'm')).toEqual({ type: 'notify', params: { to: 'role', template: 'm', role: 'supervisor' } });
    expect(notifyEffect(answers({ to: 'assignee' }), 'm')).toEqual({ type: 'notify', params: { to: 'assignee', template: 'm' } });
  });

  it('offers text, numbers and dates to insert, never choices, yes/no, records or files (they would reach the resident as codes)', () => {
    const offered = insertableFields([
      field('note', { type: 'string' }), field('visitDate', { type: 'string', format: 'date' }), field('count', { type: 'integer' }),
      field('way', { type: 'string', enum: ['option1'] }), field('found', { type: 'boolean' }), field('house', { type: 'integer', 'x-ref': 'unit' }),
      field('photo', { type: 'string', format: 'attachment' }), field('at', { type: 'string', format: 'date-time' }),
    ]);
    expect(offered.map((f) => f.key)).toEqual(['note', 'visitDate', 'count']);
  });

  it('knows which messages stay in use when one step is removed, and words each step', () => {
    const wf = { transitions: {
      a: { effects: [{ type: 'notify', params: { to: 'resident', template: 'm1', channel: 'sms' } }, { type: 'notify', params: { to: 'role', role: 'supervisor', template: 'm2' } }] },
      b: { effects: [{ type: 'notify', params: { to: 'assignee', template: 'm1' } }] },
    } } as unknown as WorkflowDeclaration;
    expect([...messagesInUse(wf, { transition: 'a', index: 0 })].sort()).toEqual(['m1', 'm2']);
    expect([...messagesInUse(wf, { transition: 'a', index: 1 })]).toEqual(['m1']);
    const l = { fields: [], lists: [], role: (r: string) => (r === 'supervisor' ? '客服主管' : r), stamp: (s: string) => s, separator: '、', message: (id: string) => (id === 'm1' ? '拜访办结' : id) };
    const [sms, role] = wf.transitions.a!.effects!;
    expect(effectWords(sms!, l)).toEqual({ key: 'eff_notifyResident_sms', params: { message: '拜访办结' } });
    expect(effectWords(role!, l)).toEqual({ key: 'eff_notifyRole', params: { message: 'm2', role: '客服主管' } });
  });
});
