import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyFormRules, compileFormRules } from '../core/config/form-rules.js';
import { validateDeclaration } from '../core/declarations/meta-validator.js';
import { formModel, formValidator, FormModel } from './form-model.js';
import type { FormContext, FormDeclaration, UiDeclaration } from './types.js';
import { listWidgets, registerDefaultWidgets, registerWidget, resolveWidget, unregisterWidget } from './widget-registry.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as T;
const form = (name: string) => readJson<FormDeclaration>(`plugins/complaints/${name}.form.json`);
const ui = (name: string) => readJson<UiDeclaration>(`plugins/complaints/${name}.ui.json`);

const complaint = formModel(form('complaint'), ui('complaint'));
const followUp = formModel(form('followUp'), ui('followUp'));
const classification = formModel(form('classification'), ui('classification'));
const allKinds = formModel(readJson('test/fixtures/forms/all-kinds.form.json'), readJson('test/fixtures/forms/all-kinds.ui.json'));

/** What the server does with a submitted form (core/config/form-rules.ts + the ajv validator). */
function serverCheck(model: FormModel, submitted: Record<string, unknown>, context?: FormContext) {
  const validate = formValidator(model.schema);
  if (validate instanceof Error) throw validate;
  const ajvOk = validate(submitted);
  const data = structuredClone(submitted);
  const issues = applyFormRules(compileFormRules(model.ui), data, (f) => ({ data: { ...(context?.data ?? {}), ...f }, case: context?.case, actor: context?.actor, config: context?.config }), '/data', {});
  return { ajvOk, issues, data };
}

const messages = (model: FormModel, value: Record<string, unknown>, language: 'zh-CN' | 'en' = 'zh-CN') => {
  const { issues } = model.check(value);
  const state = model.evaluate(value);
  return model.localize(issues, language, state);
};

describe('sections and labels', () => {
  it('lists the ui sections with their fields in order, labels in the language (English falls back to zh-CN)', () => {
    expect(complaint.sections.map((s) => [s.id, s.fields.map((f) => f.path)])).toEqual([
      ['complainant', ['channel', 'channelOther', 'complainantName', 'contactPhone']],
      ['incident', ['occurredAt', 'place', 'content', 'subject', 'request', 'requestedBy', 'ongoingDamage', 'collective']],
      ['evidence', ['witnesses', 'evidence']],
    ]);
    const channel = complaint.sections[0]!.fields[0]!;
    expect(complaint.label(channel, 'zh-CN')).toBe('投诉方式');
    expect(complaint.label(channel, 'en')).toBe('Channel');
    expect(complaint.sectionTitle(complaint.sections[0]!, 'en')).toBe('Complainant');
    const zhOnly = formModel({ type: 'object', 'x-label': { 'zh-CN': '表' }, properties: { a: { type: 'string', maxLength: 5, 'x-label': { 'zh-CN': '甲' } } }, additionalProperties: false });
    expect(zhOnly.label(zhOnly.sections[0]!.fields[0]!, 'en')).toBe('甲');
  });

  it('without a ui declaration, one section holds every field in schema order', () => {
    const model = formModel(form('answer'));
    expect(model.sections).toHaveLength(1);
    expect(model.sections[0]!.fields.map((f) => f.path)).toEqual(['answerContent', 'promisedAt', 'answerMethod']);
    expect(model.sectionTitle(model.sections[0]!, 'zh-CN')).toBe('明确答复');
    expect(model.sections[0]!.fields.map((f) => f.requiredByParent)).toEqual([true, false, true]);
  });

  it('builds a model and a validator once per schema object', () => {
    const schema = form('reply');
    const layout = ui('complaint');
    expect(formModel(schema)).toBe(formModel(schema));
    expect(formModel(schema, layout)).not.toBe(formModel(schema));
    expect(formValidator(schema)).toBe(formValidator(schema));
    expect(formModel(form('reply'))).not.toBe(formModel(schema)); // another object, another model…
    expect(formValidator(form('reply'))).toBe(formValidator(schema)); // …but the same content is compiled once
  });

  it('nested fields: children, rows and labels of pointers', () => {
    const readings = allKinds.sections[2]!.fields[1]!;
    const row = allKinds.itemRef(readings, 1);
    expect(row).toMatchObject({ pointer: '/readings/1', path: 'readings', index: 1 });
    expect(allKinds.childRefs(row).map((c) => [c.pointer, c.path, c.requiredByParent])).toEqual([
      ['/readings/1/meter', 'readings.meter', true],
      ['/readings/1/value', 'readings.value', true],
    ]);
    expect(allKinds.pointerLabel('/readings/1/value', 'zh-CN')).toBe('抄表读数 › 第 2 行 › 读数');
    expect(allKinds.pointerLabel('/contact/name', 'en')).toBe('Emergency contact › Name');
  });
});

describe('rules: visibility, required, read-only, computed', () => {
  it('complaint: the "other channel" field shows and is required only for channel other', () => {
    let state = complaint.evaluate({ channel: 'phone' });
    expect(complaint.isHidden(state, 'channelOther')).toBe(true);
    state = complaint.evaluate({ channel: 'other' });
    expect(complaint.isHidden(state, 'channelOther')).toBe(false);
    expect(state.requiredPaths.has('channelOther')).toBe(true);
  });

  it('complaint: the contact phone is required for phone, visit and online complaints', () => {
    const phoneRef = complaint.sections[0]!.fields[3]!;
    for (const channel of ['phone', 'visit', 'online']) expect(complaint.isRequired(complaint.evaluate({ channel }), phoneRef)).toBe(true);
    for (const channel of ['letter', 'other']) expect(complaint.isRequired(complaint.evaluate({ channel }), phoneRef)).toBe(false);
    const { issues } = complaint.check({ channel: 'phone', complainantName: '张伟', content: '楼道灯坏了' });
    expect(issues).toEqual([{ pointer: '/contactPhone', code: 'required' }]);
  });

  it('follow-up: satisfied is computed from the satisfaction and read-only; the signature section needs an on-site visit', () => {
    const satisfied = followUp.sections[0]!.fields.find((f) => f.name === 'satisfied')!;
    let state = followUp.evaluate({ method: 'phone', satisfaction: 'unsatisfied' });
    expect(state.data.satisfied).toBe(false);
    expect(followUp.isReadOnly(state, satisfied)).toBe(true);
    expect(state.hiddenSections.has('signature')).toBe(true);
    expect(followUp.isHidden(state, 'residentSignature')).toBe(true);
    expect(state.requiredPaths).toEqual(new Set(['shortcomings', 'visitorNote']));
    state = followUp.evaluate({ method: 'onSite', satisfaction: 'verySatisfied' });
    expect(state.data.satisfied).toBe(true);
    expect(state.hiddenSections.has('signature')).toBe(false);
    expect(state.requiredPaths.size).toBe(0);
  });

  it('classification: a major complaint is of major severity; routing hidden for an invalid one', () => {
    const severity = classification.sections[0]!.fields[1]!;
    const state = classification.evaluate({ nature: 'major', severity: 'minor', category: 'repair' });
    expect(state.data.severity).toBe('major');
    expect(classification.isReadOnly(state, severity)).toBe(true);
    expect(classification.isHidden(state, 'department')).toBe(false);
    const invalid = classification.evaluate({ nature: 'invalid', severity: 'minor', category: 'repair', department: 'engineering' });
    expect(classification.isHidden(invalid, 'department')).toBe(true);
    expect(invalid.requiredPaths.has('classificationNote')).toBe(true);
  });

  it('rules see the context the way the server builds it', () => {
    const model = formModel(
      { type: 'object', 'x-label': { 'zh-CN': '表' }, properties: { x: { type: 'string', maxLength: 10, 'x-label': { 'zh-CN': '甲' } } }, additionalProperties: false },
      {
        form: 'f',
        sections: [{ id: 's', title: { 'zh-CN': '节' }, fields: ['x'] }],
        fields: { x: { visibleIf: { and: [{ '==': [{ var: 'data.old' }, 1] }, { in: ['supervisor', { var: 'actor.roles' }] }, { '==': [{ var: 'case.state' }, 'open'] }, { '==': [{ var: 'config.flag' }, true] }] } } },
      },
    );
    const context: FormContext = { data: { old: 1 }, case: { state: 'open' }, actor: { staffId: 3, roles: ['supervisor'] }, config: { flag: true } };
    expect(model.isHidden(model.evaluate({}, context), 'x')).toBe(false);
    expect(model.isHidden(model.evaluate({}, { ...context, actor: { staffId: 3, roles: [] } }), 'x')).toBe(true);
    // the form's own value wins over the case data, as on the server ({ ...case.data, ...form })
    expect(model.isHidden(model.evaluate({ old: 2 }, context), 'x')).toBe(true);
  });
});

describe('getValue: what the server accepts', () => {
  it('drops hidden fields and applies computed ones', () => {
    expect(complaint.getValue({ channel: 'phone', channelOther: '投诉箱', complainantName: '张伟', content: '漏水', contactPhone: '13800138000' })).toEqual({
      channel: 'phone',
      complainantName: '张伟',
      content: '漏水',
      contactPhone: '13800138000',
    });
    expect(followUp.getValue({ method: 'phone', satisfaction: 'satisfied', residentSignature: 'data:image/png;base64,AAAA', visitorNote: '好' })).toEqual({
      method: 'phone',
      satisfaction: 'satisfied',
      satisfied: true,
      visitorNote: '好',
    });
    expect(classification.getValue({ nature: 'invalid', severity: 'minor', category: 'repair', department: 'engineering', classificationNote: '误解' })).toEqual({
      nature: 'invalid',
      severity: 'minor',
      category: 'repair',
      classificationNote: '误解',
    });
    expect(allKinds.getValue({ fee: '12.50', count: 3, method: 'sms', photo: 'att_12345678' })).toEqual({ fee: '12.50', count: 3, total: '37.50', method: 'sms' });
  });

  it('does not change the value it is given', () => {
    const value = { channel: 'phone', channelOther: 'x' };
    complaint.getValue(value);
    expect(value).toEqual({ channel: 'phone', channelOther: 'x' });
  });

  it('is accepted by the server unchanged when check() passes (same ajv, same rules)', () => {
    const cases: [FormModel, Record<string, unknown>][] = [
      [complaint, { channel: 'other', channelOther: '监控中心', complainantName: '李娜', content: '噪音', occurredAt: '2026-09-30T10:00:00+08:00' }],
      [followUp, { method: 'onSite', satisfaction: 'unsatisfied', shortcomings: '慢', residentSignature: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==' }],
      [classification, { nature: 'major', severity: 'minor', category: 'security', classificationNote: '已报警' }],
      [allKinds, { name: '王五', category: 'other', categoryOther: '电梯', method: 'visit', agreed: false, fee: '10.00', count: 2, readings: [{ meter: 'water', value: 12.5 }] }],
    ];
    for (const [model, value] of cases) {
      const result = model.check(value);
      expect(result.issues).toEqual([]);
      const server = serverCheck(model, result.value);
      expect(server.ajvOk).toBe(true);
      expect(server.issues).toEqual([]);
      expect(server.data).toEqual(result.value);
    }
  });

  it('finds what the server would refuse', () => {
    const value = { channel: 'phone', complainantName: '张伟', content: '漏水' };
    const server = serverCheck(complaint, complaint.getValue(value));
    expect(server.issues.map((i) => i.pointer)).toEqual(['/data/contactPhone']);
    expect(complaint.check(value).issues.map((i) => i.pointer)).toEqual(['/contactPhone']);
  });
});

describe('validation messages', () => {
  const long = '张'.repeat(51);

  it('in zh-CN', () => {
    const { fields, form: formLevel } = messages(complaint, { channel: 'phone', complainantName: long, contactPhone: 'abc', occurredAt: '明天' });
    expect(Object.fromEntries(fields)).toEqual({
      '/content': '必填',
      '/complainantName': '最多 50 个字',
      '/contactPhone': '电话号码格式不正确',
      '/occurredAt': '日期时间格式不正确',
    });
    expect(formLevel).toEqual([]);
  });

  it('in English', () => {
    const { fields } = messages(complaint, { channel: 'fax', complainantName: long, content: '' }, 'en');
    expect(Object.fromEntries(fields)).toEqual({
      '/channel': 'choose one of the options',
      '/complainantName': 'at most 50 characters',
      '/content': 'is required',
    });
  });

  it('numbers, money, rows and lists', () => {
    const value = {
      name: '王五',
      category: 'water',
      method: 'sms',
      agreed: true,
      count: 0,
      area: 'abc',
      fee: '12.345',
      checklist: ['door', 'door'],
      readings: [{ meter: 'water', value: -1 }, { meter: 'gas' }],
      contact: { phone: '1' },
    };
    expect(Object.fromEntries(messages(allKinds, value).fields)).toEqual({
      '/count': '不能小于 1',
      '/area': '应为数字',
      '/fee': '金额格式不正确（最多两位小数，如 1234.50）',
      '/checklist': '不能有重复项',
      '/readings/0/value': '不能小于 0',
      '/readings/1/value': '必填',
      '/contact/name': '必填',
      '/contact/phone': '电话号码格式不正确',
    });
    expect(Object.fromEntries(messages(allKinds, { ...value, count: 1.5, area: 1, fee: '1', checklist: [], readings: [], contact: {} }, 'en').fields)).toEqual({
      '/count': 'must be a whole number',
      '/contact/name': 'is required',
    });
  });

  it('a field the layout does not show reports in the form-level list with its label', () => {
    const model = formModel(form('answer'), { form: 'answer', sections: [{ id: 'a', title: { 'zh-CN': '答复' }, fields: ['answerContent'] }] });
    const { fields, form: formLevel } = messages(model, { answerContent: '好' });
    expect(fields.size).toBe(0);
    expect(formLevel).toEqual(['答复方式：必填']);
  });
});

describe('server issues', () => {
  it('maps /data/ pointers onto fields, in the user language, and keeps the rest for the form', () => {
    const state = complaint.evaluate({ channel: 'phone' });
    const issues = complaint.fromServer([
      { pointer: '/data/contactPhone', code: 'format', message: 'must match format "phone"' },
      { pointer: '/data/complainantName', code: 'maxLength', message: 'must NOT have more than 50 characters' },
      { pointer: '/data/content', code: 'profanity', message: 'contains a word that is not allowed' },
      { pointer: '/data/channelOther', code: 'hidden-field', message: 'does not apply here' },
      { pointer: '/unitId', code: 'wrong-project', message: 'the unit is not in this project' },
      { pointer: '/data/nope', code: 'additionalProperties', message: 'is not an allowed field' },
    ]);
    expect(issues[0]).toMatchObject({ pointer: '/contactPhone', code: 'format', params: { format: 'phone' } });
    const zh = complaint.localize(issues, 'zh-CN', state);
    expect(Object.fromEntries(zh.fields)).toEqual({
      '/contactPhone': '电话号码格式不正确',
      '/complainantName': '最多 50 个字',
      '/content': 'contains a word that is not allowed',
    });
    expect(zh.form).toEqual(['其他方式说明：此项不适用，请留空', 'unitId：the unit is not in this project', 'nope：不是本表单的字段']);
    const en = complaint.localize(issues, 'en', state);
    expect(en.fields.get('/complainantName')).toBe('at most 50 characters');
    expect(en.form[0]).toBe('Other channel: does not apply here: leave it empty');
  });
});

describe('declarations used by the tests', () => {
  it('the all-kinds fixture is a valid form and ui declaration, with rules that compile', () => {
    expect(validateDeclaration('form', readJson('test/fixtures/forms/all-kinds.form.json'))).toEqual([]);
    expect(validateDeclaration('ui', readJson('test/fixtures/forms/all-kinds.ui.json'))).toEqual([]);
    expect(allKinds.problems).toEqual([]);
  });

  it('a broken rule in a previewed ui becomes a form-level problem instead of an exception', () => {
    const model = formModel(form('reply'), { form: 'reply', sections: [{ id: 's', title: { 'zh-CN': '节' }, fields: ['replyMethod'] }], fields: { replyMethod: { visibleIf: { method: [{ var: 'data' }, 'constructor'] } } } });
    expect(model.problems).toHaveLength(1);
    expect(model.message(model.problems[0]!, 'zh-CN')).toMatch(/^表单规则有误（fields\/replyMethod\/visibleIf）/);
  });
});

describe('widget registry', () => {
  registerDefaultWidgets();
  const widgetOf = (model: FormModel, pathName: string) => {
    const schema = model.fieldAt(pathName)!;
    return resolveWidget(schema, model.uiOptions(pathName), pathName)?.name;
  };

  it('picks a widget for every kind of field', () => {
    const expected: Record<string, string> = {
      name: 'text',
      phone: 'text',
      email: 'text',
      description: 'textarea',
      count: 'number',
      area: 'number',
      urgent: 'checkbox',
      agreed: 'yes-no',
      category: 'select',
      categoryOther: 'text',
      method: 'radio',
      checklist: 'checkbox-group',
      visitDate: 'date',
      visitTime: 'time',
      occurredAt: 'date-time',
      fee: 'money',
      total: 'money',
      contact: 'object',
      readings: 'array',
      'readings.meter': 'radio',
      'readings.value': 'number',
      photo: 'attachment',
      documents: 'attachment',
      signature: 'signature',
      unitId: 'unit-picker',
      personId: 'person-picker',
    };
    for (const [p, widget] of Object.entries(expected)) expect([p, widgetOf(allKinds, p)]).toEqual([p, widget]);
    expect(widgetOf(complaint, 'content')).toBe('textarea'); // named in the ui
    expect(widgetOf(complaint, 'channel')).toBe('select'); // five options
    expect(widgetOf(complaint, 'evidence')).toBe('attachment');
    expect(widgetOf(form('answer') && formModel(form('answer')), 'answerContent')).toBe('textarea'); // maxLength 2000
  });

  it('a company widget with a higher rank wins, a named one wins by its boost, and unregistering restores', () => {
    const before = listWidgets().length;
    registerWidget({ name: 'plate', tag: 'x-plate-input', tester: (f, _ui, p) => (f.type === 'string' && p.endsWith('Plate') ? 10 : -1) });
    expect(resolveWidget({ type: 'string', maxLength: 8 }, undefined, 'carPlate')?.name).toBe('plate');
    expect(resolveWidget({ type: 'string', maxLength: 8 }, undefined, 'name')?.name).toBe('text');
    expect(resolveWidget({ type: 'string', enum: ['a', 'b'] }, { widget: 'select' }, 'x')?.name).toBe('select');
    // a named widget that cannot render the field is not used
    expect(resolveWidget({ type: 'boolean' }, { widget: 'money' }, 'x')?.name).toBe('checkbox');
    expect(() => registerWidget({ name: 'Bad Name', tag: 'x-y', tester: () => 1 })).toThrow(TypeError);
    expect(() => registerWidget({ name: 'ok', tag: 'notacustomelement', tester: () => 1 })).toThrow(TypeError);
    expect(unregisterWidget('plate')).toBe(true);
    expect(listWidgets().length).toBe(before);
  });
});

describe('errorIf: a rule that refuses a value, in the browser and on the server alike', () => {
  const schema = readJson<FormDeclaration>('test/fixtures/plugin-api/notes/note.form.json');
  const layout = readJson<UiDeclaration>('test/fixtures/plugin-api/notes/note.ui.json');
  const model = formModel(schema, layout);

  it('shows the declared message on the field in the user language', () => {
    expect(messages(model, { subject: '寄存危险品一箱' }).fields.get('/subject')).toBe('不接收危险品');
    expect(messages(model, { subject: '寄存危险品一箱' }, 'en').fields.get('/subject')).toBe('Dangerous goods are refused');
    expect(model.check({ subject: '一箱书' }).valid).toBe(true);
  });

  it('refuses exactly what the server refuses', () => {
    for (const subject of ['寄存危险品一箱', '一箱书']) {
      const browser = model.check({ subject }).issues.map((i) => i.pointer);
      const server = serverCheck(model, { subject }).issues.map((i) => i.pointer.replace('/data', ''));
      expect(browser).toEqual(server);
    }
  });
});
