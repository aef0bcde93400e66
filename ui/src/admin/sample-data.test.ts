import { describe, expect, it } from 'vitest';
import { resolveOptionsFrom } from '../../../core/config/options-from.js';
import { sampleData } from './sample-data.js';
import type { FormDeclaration, UiDeclaration } from './admin-types.js';

const at = new Date('2026-12-06T02:00:00Z');
const form = {
  type: 'object',
  'x-label': { 'zh-CN': '报修' },
  additionalProperties: false,
  required: ['area', 'item'],
  properties: {
    area: { type: 'string', enum: ['inHome', 'commonArea'], 'x-label': { 'zh-CN': '位置' } },
    item: { type: 'string', 'x-optionsFrom': 'catalog', 'x-label': { 'zh-CN': '项目' } },
    underWarranty: { type: 'boolean', 'x-label': { 'zh-CN': '在保修期内' } },
    note: { type: 'string', maxLength: 100, 'x-label': { 'zh-CN': '备注' } },
  },
} as unknown as FormDeclaration;
const ui = {
  form: 'repair',
  fields: {
    underWarranty: { visibleIf: { '==': [{ var: 'data.area' }, 'inHome'] }, requiredIf: { '==': [{ var: 'data.area' }, 'inHome'] } },
    note: { visibleIf: { '==': [{ var: 'data.area' }, 'commonArea'] }, requiredIf: { '==': [{ var: 'data.area' }, 'commonArea'] } },
  },
} as unknown as UiDeclaration;

describe('sample data for a dry run', () => {
  it('fills a field required only when the sample shows it, and leaves one the sample hides', () => {
    const data = sampleData(form, ui, at);
    expect(data.area).toBe('inHome');
    expect(data.underWarranty).toBe(true);
    expect(data).not.toHaveProperty('note');
  });

  it('picks an option the settings offer once the form is resolved against them (an inactive one never)', () => {
    const settings = { catalog: { lamp: { title: { 'zh-CN': '灯管' }, active: false }, tap: { title: { 'zh-CN': '水龙头' } } } };
    const data = sampleData(resolveOptionsFrom(form as never, settings) as unknown as FormDeclaration, ui, at);
    expect(data.item).toBe('tap');
  });
});
