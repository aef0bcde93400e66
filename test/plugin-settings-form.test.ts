/** The plugin settings editor's form shape (ui/src/admin/plugin-settings/settings-form.ts), on the real plugins' settings schemas: here, not in ui/, which names no plugin. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formModel } from '../forms/form-model.js';
import type { FormDeclaration, UiDeclaration } from '../forms/index.js';
import { KEY, formPointer, formSchema, formUi, fromForm, toForm } from '../ui/src/admin/plugin-settings/settings-form.js';

type Json = Record<string, unknown>;
const config = (plugin: string) => (JSON.parse(readFileSync(new URL(`../plugins/${plugin}/plugin.json`, import.meta.url), 'utf8')) as { config: { schema: Json; defaults: Json } }).config;

describe('plugin settings as a form', () => {
  it('shows a price list keyed by code as table rows, codes hidden, texts in Chinese, checklists a line each', () => {
    const { schema, defaults } = config('paid-services');
    const form = formSchema(schema) as { properties: { catalog: Json & { items: { properties: Json } } } };
    expect(form.properties.catalog).toMatchObject({ type: 'array', 'x-label': { 'zh-CN': '有偿服务收费标准' } });
    expect(form.properties.catalog.items.properties[KEY]).toEqual({ type: 'string' });
    expect(formUi(schema, { 'zh-CN': '特约服务' }).fields).toEqual({ catalog: { widget: 'settings-table' }, 'catalog.checklist': { widget: 'textarea' } });
    expect(form.properties.catalog.items.properties.title).toMatchObject({ type: 'string', maxLength: 100 });
    const rows = (toForm(schema, defaults) as { catalog: Json[] }).catalog;
    expect(rows[2]).toMatchObject({ [KEY]: 'tapValve', title: '水龙头、闸阀维修', price: '25.00', unit: '个' });
    expect(String(rows[2]!.checklist).split('\n')[0]).toBe('关掉前端阀门，排空管内余水，拆下水龙头或闸阀');
  });

  it('turns an edited table back into the settings, keeping codes and English titles, and codes new rows', () => {
    const { schema, defaults } = config('paid-services');
    const data = toForm(schema, defaults) as { catalog: Json[] };
    data.catalog[2] = { ...data.catalog[2], price: '28.00', checklist: '拆下\n\n  装回  ' };
    data.catalog.splice(0, 1);
    data.catalog.push({ title: '疏通下水道', price: '50.00', unit: '次', category: 'plumbing', checklist: '疏通', active: true });
    const back = fromForm(schema, data, defaults) as { catalog: Record<string, Json> };
    expect(back.catalog.tapValve).toEqual({ ...(defaults.catalog as Record<string, Json>).tapValve, price: '28.00', checklist: ['拆下', '装回'] });
    expect(back.catalog.fluorescentLamp).toBeUndefined();
    const added = Object.entries(back.catalog).at(-1)!;
    expect(added[0]).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    expect(added[1]).toEqual({ title: { 'zh-CN': '疏通下水道' }, price: '50.00', unit: '次', category: 'plumbing', checklist: ['疏通'], active: true });
  });

  it('leaves settings made of bare codes out of the form and unchanged', () => {
    const { schema, defaults } = config('renovation');
    const form = formSchema(schema) as { properties: Record<string, { properties: Json }> };
    expect(form.properties.fees!.properties.debrisFeeItem).toBeUndefined();
    const back = fromForm(schema, toForm(schema, defaults), defaults);
    expect(back).toEqual(defaults);
  });

  it('round-trips every plugin\'s defaults unchanged, and the form (the browser\'s strict ajv) accepts them', () => {
    for (const plugin of ['paid-services', 'renovation', 'intake', 'parcel-desk', 'complaints', 'community-events']) {
      const { schema, defaults } = config(plugin);
      expect(fromForm(schema, toForm(schema, defaults), defaults), plugin).toEqual(defaults);
      const model = formModel(formSchema(schema) as unknown as FormDeclaration, formUi(schema, { 'zh-CN': '设置' }) as unknown as UiDeclaration);
      expect(model.problems, plugin).toEqual([]);
      expect(model.check(toForm(schema, defaults)).issues, plugin).toEqual([]);
    }
  });

  it('the form finds a malformed price on its row', () => {
    const { schema, defaults } = config('paid-services');
    const data = toForm(schema, defaults) as { catalog: Json[] };
    data.catalog[0]!.price = '20元';
    const model = formModel(formSchema(schema) as unknown as FormDeclaration, formUi(schema, { 'zh-CN': '设置' }) as unknown as UiDeclaration);
    expect(model.check(data).issues).toEqual([expect.objectContaining({ pointer: '/catalog/0/price', code: 'pattern' })]);
  });

  it('puts a server problem on the row of its code', () => {
    const { schema, defaults } = config('renovation');
    const keys = Object.keys(defaults.penalties as Json);
    expect(formPointer(schema, defaults, ['penalties', keys[1]!, 'amount'])).toEqual(['penalties', '1', 'amount']);
    expect(formPointer(schema, defaults, ['penalties', keys[0]!, 'title', 'zh-CN'])).toEqual(['penalties', '0', 'title']);
    expect(formPointer(schema, defaults, ['fees', 'debrisFeeItem'])).toBeNull();
  });
});
