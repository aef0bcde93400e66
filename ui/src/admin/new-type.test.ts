/** The 新建业务类型 dialog's checks and what it adds: every id generated, refusals per field. */
import { describe, expect, it } from 'vitest';
import type { PluginDecls } from './admin-types.js';
import {
  blankForm, buildNewType, checkFormTitle, checkNewType, checkTypeAnswers, reportFieldChoices, reportFieldsOf, takenPrefixes, typeChoices, withAnswers, withReportFields,
} from './new-type.js';
import type { FormDeclaration, WorkflowDeclaration } from './admin-types.js';
import { companyBundleId } from './company-types.js';
import workflow from './sample-workflow.fixture.json' with { type: 'json' };

const complaints: Partial<PluginDecls> = {
  rules: {}, templates: { sheet: '<p>{{case.serial}}</p>' },
  workflows: { complaint: { ...(workflow as object), caseType: 'complaint', title: { 'zh-CN': '客户投诉', en: 'Complaint' }, serialPrefix: 'TS', form: 'complaint', documents: { sheet: { title: { 'zh-CN': '处理单' }, template: 'sheet' } } } as never },
  forms: { complaint: { type: 'object', properties: { summary: { type: 'string' } } } as never },
  ui: {},
};
const decls = { complaints };
const roles = ['frontDesk', 'supervisor'];

describe('新建业务类型', () => {
  it('offers every type by its Chinese title to copy from', () => {
    expect(typeChoices(decls)).toEqual([{ value: 'complaints/complaint', pluginId: 'complaints', caseType: 'complaint', title: '客户投诉' }]);
    expect(takenPrefixes(decls)).toEqual(['TS']);
  });

  it('refuses each wrong answer on its own field', () => {
    expect(checkNewType({ title: ' ', prefix: 'ts1', roles: [], from: '' }, decls, roles)).toEqual({ title: 'nt_titleRequired', prefix: 'nt_prefixInvalid', roles: 'nt_rolesRequired' });
    expect(checkNewType({ title: '客户投诉', prefix: 'TS', roles: ['cook'], from: 'x/y' }, decls, roles)).toEqual({ title: 'nt_titleTaken', prefix: 'nt_prefixTaken', roles: 'nt_roleUnknown', from: 'nt_fromUnknown' });
    expect(checkNewType({ title: '钥匙借用', prefix: 'YS', roles: ['frontDesk'], from: '' }, decls, roles)).toEqual({});
  });

  it('a blank type gets a generated id, the prefix and roles given, and is a complete workflow', () => {
    const { caseType, def } = buildNewType({ title: '钥匙借用', prefix: 'YS', roles: ['frontDesk'], from: '' }, decls);
    expect(caseType).toBe('xType1');
    expect(companyBundleId(caseType)).toBe('x-type1');
    expect(def.workflow).toMatchObject({ caseType: 'xType1', title: { 'zh-CN': '钥匙借用' }, serialPrefix: 'YS', createRoles: ['frontDesk'], form: 'register' });
    expect(Object.keys(def.forms)).toEqual(['register']);
    // the next one does not reuse the id
    const withFirst = { ...decls, [companyBundleId(caseType)]: { workflows: { [caseType]: def.workflow } } };
    expect(buildNewType({ title: '会所预订', prefix: 'HS', roles: ['frontDesk'], from: '' }, withFirst).caseType).toBe('xType2');
  });

  it('a copy takes the source\'s forms and documents under a new id, title, prefix and roles', () => {
    const { caseType, def } = buildNewType({ title: '投诉（乙）', prefix: 'TSB', roles: ['supervisor'], from: 'complaints/complaint' }, decls);
    expect(caseType).toBe('xType1');
    expect(def.workflow).toMatchObject({ caseType: 'xType1', title: { 'zh-CN': '投诉（乙）' }, serialPrefix: 'TSB', createRoles: ['supervisor'], form: 'complaint' });
    expect((def.workflow.title as { en?: string }).en).toBeUndefined();
    expect(Object.keys(def.forms)).toEqual(['complaint']);
    expect(def.templates).toEqual({ sheet: '<p>{{case.serial}}</p>' });
  });

  it('settings of a type may keep its own title and prefix', () => {
    const wf = complaints.workflows!.complaint!;
    expect(checkTypeAnswers({ title: '客户投诉', prefix: 'TS', roles: ['frontDesk'] }, decls, roles, 'complaint')).toEqual({});
    expect(withAnswers(wf, { title: '客户投诉', prefix: 'TQ', roles: ['supervisor'] })).toMatchObject({ title: { 'zh-CN': '客户投诉', en: 'Complaint' }, serialPrefix: 'TQ', createRoles: ['supervisor'] });
  });
});

describe('业务类型设置: list title and monthly report fields; 新建表单', () => {
  const forms = {
    register: { type: 'object', properties: {
      borrower: { type: 'string', 'x-label': { 'zh-CN': '借用人' } },
      purpose: { type: 'string', enum: ['a', 'b'], 'x-label': { 'zh-CN': '借用事由' } },
      dueAt: { type: 'string', format: 'date-time', 'x-label': { 'zh-CN': '约定归还时间' } },
      house: { type: 'integer', 'x-ref': 'unit', 'x-label': { 'zh-CN': '借用房屋' } },
      borrowerId: { type: 'integer', 'x-ref': 'person', 'x-label': { 'zh-CN': '借用住户' } },
    } } as unknown as FormDeclaration,
    back: { type: 'object', properties: {
      intact: { type: 'boolean', 'x-label': { 'zh-CN': '完好' } },
      returnedTo: { type: 'integer', 'x-ref': 'unit', 'x-label': { 'zh-CN': '归还至' } },
    } } as unknown as FormDeclaration,
  };
  const wf = { form: 'register', transitions: { giveBack: { form: 'back' } }, states: {} } as unknown as WorkflowDeclaration;

  it("offers the type's fields by title: text for the list title, choices and yes/no for the report", () => {
    const c = reportFieldChoices(wf, forms);
    expect(c.title.map((f) => f.title)).toEqual(['借用人']);
    expect(c.summary.map((f) => f.title)).toEqual(['借用事由', '完好']);
    expect(c.severity.map((f) => f.title)).toEqual(['借用事由']);
    // the case's own house and resident come from the registration form only (a step's form changes nothing)
    expect(c.unit.map((f) => f.title)).toEqual(['借用房屋']);
    expect(c.person.map((f) => f.title)).toEqual(['借用住户']);
  });

  it('writes the chosen fields and removes those unchosen', () => {
    const chosen = { titleField: 'borrower', summaryFields: ['purpose'], severityField: '', unitField: 'house', personField: 'borrowerId' };
    const next = withReportFields(wf, chosen);
    expect(reportFieldsOf(next)).toEqual(chosen);
    expect(withReportFields(next, { titleField: '', summaryFields: [], severityField: '', unitField: '', personField: '' })).toEqual(wf);
  });

  it('a new form gets a free generated name, one field and a layout', () => {
    const made = blankForm('归还登记', ['form1', 'register']);
    expect(made.name).toBe('form2');
    expect(made.form['x-label']).toEqual({ 'zh-CN': '归还登记' });
    expect(made.ui).toMatchObject({ form: 'form2', sections: [{ fields: ['note'] }] });
    expect(checkFormTitle(' ', [])).toBe('nf_titleRequired');
    expect(checkFormTitle('归还登记', [made.form])).toBe('nf_titleTaken');
  });
});
