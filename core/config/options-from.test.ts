import { describe, expect, it } from 'vitest';
import { resolveOptionsFrom } from './options-from.js';
import { createFormAjv } from '../declarations/ajv-factory.js';
import type { FormDeclaration } from '../../schemas/generated/form.js';

const form = {
  type: 'object',
  'x-label': { 'zh-CN': '登记' },
  properties: {
    item: { type: 'string', 'x-optionsFrom': 'catalog', 'x-label': { 'zh-CN': '项目' } },
    rows: { type: 'array', maxItems: 5, 'x-label': { 'zh-CN': '明细' }, items: { type: 'object', properties: { code: { type: 'string', 'x-optionsFrom': 'catalog', 'x-label': { 'zh-CN': '项目' } } }, additionalProperties: false } },
  },
  additionalProperties: false,
} as unknown as FormDeclaration;

const catalog = { lamp: { title: { 'zh-CN': '换灯管', en: 'Lamp' }, active: true }, tap: { title: { 'zh-CN': '水龙头' } }, stove: { title: { 'zh-CN': '煤气灶' }, active: false } };

describe('x-optionsFrom', () => {
  it('offers the active entries of the setting, with their titles, in nested fields too', () => {
    const resolved = resolveOptionsFrom(form, { catalog }) as unknown as { properties: Record<string, Record<string, unknown>> };
    expect(resolved.properties.item).toMatchObject({ enum: ['lamp', 'tap'], 'x-enumLabels': { lamp: { 'zh-CN': '换灯管', en: 'Lamp' }, tap: { 'zh-CN': '水龙头' } } });
    expect((resolved.properties.rows!.items as { properties: Record<string, unknown> }).properties.code).toMatchObject({ enum: ['lamp', 'tap'] });
    const validate = createFormAjv().compile(resolved);
    expect(validate({ item: 'tap', rows: [{ code: 'lamp' }] })).toBe(true);
    expect(validate({ item: 'stove' })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ instancePath: '/item', keyword: 'enum' });
  });

  it('offers nothing when the setting has no active entry, and leaves forms without it untouched', () => {
    const resolved = resolveOptionsFrom(form, { catalog: { stove: { active: false } } });
    expect(createFormAjv().compile(resolved)({ item: 'stove' })).toBe(false);
    const plain = { type: 'object', properties: {}, additionalProperties: false } as unknown as FormDeclaration;
    expect(resolveOptionsFrom(plain, {})).toBe(plain);
  });
});
