import { describe, expect, it } from 'vitest';
import { newConversion, targetFields, withOutcome } from './conversion-choices.js';
import type { FormDeclaration, WorkflowDeclaration } from './admin-types.js';

const label = (zh: string) => ({ 'x-label': { 'zh-CN': zh } });
const source = {
  caseType: 'xVisit', title: { 'zh-CN': '拜访客户' }, form: 'visit', createRoles: ['frontDesk'], initialState: 'state1',
  states: { state1: { title: { 'zh-CN': '计划' } }, state2: { title: { 'zh-CN': '等待处理' } }, state3: { title: { 'zh-CN': '完成' }, final: true } },
  transitions: { transition1: { title: { 'zh-CN': '完成' }, from: ['state1'], to: 'state3', roles: ['frontDesk'] }, transition2: { title: { 'zh-CN': '恢复' }, from: ['state2'], to: 'state1', roles: ['frontDesk'], system: true } },
} as unknown as WorkflowDeclaration;
const sourceFields = [
  { key: 'issue', label: '发现问题', schema: { type: 'string', ...label('发现问题') } },
  { key: 'phone', label: '联系电话', schema: { type: 'string', ...label('联系电话') } },
  { key: 'channel', label: '渠道', schema: { type: 'string', enum: ['a'] } },
] as never;
const complaintForm = {
  type: 'object', properties: {
    content: { type: 'string', ...label('发现问题') }, contactPhone: { type: 'string', ...label('联系电话') },
    channel: { type: 'string', enum: ['phone', 'visit'] }, photos: { type: 'array', ...label('照片') },
  },
} as unknown as FormDeclaration;

describe('conversions the designer declares', () => {
  it('offers the target registration fields that are not lists', () => {
    expect(targetFields(complaintForm).map((f) => f.key)).toEqual(['content', 'contactPhone', 'channel']);
  });

  it('starts a conversion to a plugin type: its plugin named, fields of the same title carried, the source closed in its final state', () => {
    const conv = newConversion(source, sourceFields, { pluginId: 'service-desk', caseType: 'complaint', title: '投诉', form: complaintForm }, (id) => id.startsWith('x-'), (t) => `转为${t}`);
    expect(conv).toEqual({ label: { 'zh-CN': '转为投诉' }, plugin: 'service-desk', roles: ['frontDesk'], closeAs: 'state3', fields: { content: 'issue', contactPhone: 'phone' } });
  });

  it('names no plugin for a company type', () => {
    const conv = newConversion(source, sourceFields, { pluginId: 'x-key-loan', caseType: 'xKeyLoan', title: '钥匙借用', form: undefined }, (id) => id.startsWith('x-'), (t) => t);
    expect(conv).not.toHaveProperty('plugin');
    expect(conv).not.toHaveProperty('fields');
  });

  it('switches between ending and waiting (a state with a transition out as the wait, that transition to resume)', () => {
    const conv = newConversion(source, sourceFields, { pluginId: 'service-desk', caseType: 'complaint', title: '投诉', form: complaintForm }, () => false, (t) => t);
    const waiting = withOutcome(conv, source, 'wait');
    expect(waiting).toMatchObject({ waitIn: 'state1', resumeOn: 'transition1' });
    expect(waiting).not.toHaveProperty('closeAs');
    expect(withOutcome(waiting, source, 'close')).toMatchObject({ closeAs: 'state3' });
    expect(withOutcome(waiting, source, 'close')).not.toHaveProperty('waitIn');
  });
});
