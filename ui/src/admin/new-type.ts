/**
 * The 新建业务类型 dialog's logic, apart from its element: which types may be copied (every
 * workflow in the draft, the plugins' and the company's, by title), what the admin's answers must
 * be (a title no other type has, a serial prefix of 1–4 capitals no other type uses, at least one
 * role), and the definition it adds — blank or a copy — with every id generated (generated-ids.ts).
 * The same checks serve 业务类型设置, which changes title, prefix and roles of a company type later.
 */
import type { FormDeclaration, PluginDecls, Text, UiDeclaration, WorkflowDeclaration } from './admin-types.js';
import { caseForms } from './template-fields.js';
import { blankType, copyOfType, type CompanyTypeDef } from './company-types.js';
import { freshCaseTypeId, freshId, SERIAL_PREFIX } from './generated-ids.js';

/** One type offered to copy from. */
export interface TypeChoice { value: string; pluginId: string; caseType: string; title: string }

export interface TypeAnswers {
  title: string;
  prefix: string;
  roles: string[];
}

export interface NewTypeAnswers extends TypeAnswers {
  /** '' for a blank type, else a TypeChoice's value */
  from: string;
}

/** Message keys (types.*.json) per dialog field. */
export type TypeErrors = Partial<Record<'title' | 'prefix' | 'from' | 'roles', string>>;

type Decls = Record<string, Partial<PluginDecls>>;

const zhTitle = (wf: WorkflowDeclaration | undefined, fallback: string): string => (wf?.title as Text | undefined)?.['zh-CN'] || fallback;

/** Every case type in the draft, by its Chinese title. */
export function typeChoices(decls: Decls): TypeChoice[] {
  return Object.entries(decls).flatMap(([pluginId, d]) =>
    Object.entries(d.workflows ?? {}).map(([caseType, wf]) => ({ value: `${pluginId}/${caseType}`, pluginId, caseType, title: zhTitle(wf, caseType) })),
  ).sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'));
}

function workflows(decls: Decls, except?: string): WorkflowDeclaration[] {
  return Object.values(decls).flatMap((d) => Object.entries(d.workflows ?? {}).filter(([id]) => id !== except).map(([, wf]) => wf));
}

/** Serial prefixes other types use (except the one being edited). */
export function takenPrefixes(decls: Decls, except?: string): string[] {
  return workflows(decls, except).map((wf) => (wf as { serialPrefix?: string }).serialPrefix).filter((p): p is string => !!p);
}

/** What is wrong with the answers, per field (empty: fine). `except`: the type being edited. */
export function checkTypeAnswers(a: TypeAnswers, decls: Decls, roleIds: readonly string[], except?: string): TypeErrors {
  const errors: TypeErrors = {};
  const title = a.title.trim();
  if (!title) errors.title = 'nt_titleRequired';
  else if (title.length > 40) errors.title = 'nt_titleTooLong';
  else if (workflows(decls, except).some((wf) => zhTitle(wf, '') === title)) errors.title = 'nt_titleTaken';
  const prefix = a.prefix.trim();
  if (!prefix) errors.prefix = 'nt_prefixRequired';
  else if (!SERIAL_PREFIX.test(prefix)) errors.prefix = 'nt_prefixInvalid';
  else if (takenPrefixes(decls, except).includes(prefix)) errors.prefix = 'nt_prefixTaken';
  if (!a.roles.length) errors.roles = 'nt_rolesRequired';
  else if (a.roles.some((r) => !roleIds.includes(r))) errors.roles = 'nt_roleUnknown';
  return errors;
}

export function checkNewType(a: NewTypeAnswers, decls: Decls, roleIds: readonly string[]): TypeErrors {
  const errors = checkTypeAnswers(a, decls, roleIds);
  if (a.from && !typeChoices(decls).some((c) => c.value === a.from)) errors.from = 'nt_fromUnknown';
  return errors;
}

/** The new type's generated id and definition (answers already checked). */
export function buildNewType(a: NewTypeAnswers, decls: Decls, settingsOf: (pluginId: string) => Record<string, unknown> | undefined = () => undefined): { caseType: string; def: CompanyTypeDef } {
  const caseType = freshCaseTypeId(workflows(decls).map((wf) => wf.caseType).concat(Object.values(decls).flatMap((d) => Object.keys(d.workflows ?? {}))));
  const title: Text = { 'zh-CN': a.title.trim() };
  const source = a.from ? typeChoices(decls).find((c) => c.value === a.from) : undefined;
  const copied = source ? copyOfType(caseType, title, decls[source.pluginId] as PluginDecls, source.caseType, settingsOf(source.pluginId)) : null;
  const def = copied ?? blankType(caseType, title, a.roles);
  return { caseType, def: { ...def, workflow: withAnswers(def.workflow, a) } };
}

/** The workflow with the title, prefix and roles the admin gave (what 业务类型设置 changes). */
export function withAnswers(wf: WorkflowDeclaration, a: TypeAnswers): WorkflowDeclaration {
  const old = (wf.title as Text | undefined) ?? { 'zh-CN': '' };
  const title: Text = { ...old, 'zh-CN': a.title.trim() };
  // an English title copied from another type would name that type: dropped when the Chinese one changes
  if (old['zh-CN'] !== title['zh-CN']) delete (title as Partial<Text>).en;
  return { ...wf, title, serialPrefix: a.prefix.trim(), createRoles: [...a.roles] } as WorkflowDeclaration;
}

/** A field of the type offered by title for the list title or the monthly report. */
export interface FieldChoice { key: string; title: string }

export interface ReportFieldChoices {
  /** text fields: the case's one-line title in lists (titleField) */
  title: FieldChoice[];
  /** choices and yes/no fields: what the monthly statistics count by (summaryFields) */
  summary: FieldChoice[];
  /** choices: the severity (severityField) */
  severity: FieldChoice[];
  /** 房屋 / 住户 fields of the registration form: the case's own house and resident (unitField, personField) */
  unit: FieldChoice[];
  person: FieldChoice[];
}

/** The fields of the type's forms (the server's workflowFormNames) as the settings dialog offers them. */
export function reportFieldChoices(wf: WorkflowDeclaration, forms: Record<string, FormDeclaration | undefined>): ReportFieldChoices {
  const out: ReportFieldChoices = { title: [], summary: [], severity: [], unit: [], person: [] };
  for (const [key, f] of Object.entries(forms[wf.form]?.properties ?? {})) {
    const choice = { key, title: (f['x-label'] as Text | undefined)?.['zh-CN'] || key };
    if (f['x-ref'] === 'unit') out.unit.push(choice);
    if (f['x-ref'] === 'person') out.person.push(choice);
  }
  const seen = new Set<string>();
  for (const form of caseForms(wf, forms)) {
    for (const [key, f] of Object.entries(form.properties)) {
      if (seen.has(key)) continue;
      seen.add(key);
      const choice = { key, title: (f['x-label'] as Text | undefined)?.['zh-CN'] || key };
      const isChoice = Array.isArray(f.enum) || f['x-optionsFrom'] !== undefined;
      if (f.type === 'string' && !isChoice && (f.format === undefined || f.format === 'phone')) out.title.push(choice);
      if (isChoice || f.type === 'boolean') out.summary.push(choice);
      if (Array.isArray(f.enum)) out.severity.push(choice);
    }
  }
  return out;
}

/** What 业务类型设置 chooses among the type's fields ('' / []: none). */
export interface ReportFields { titleField: string; summaryFields: string[]; severityField: string; unitField: string; personField: string }

export function reportFieldsOf(wf: WorkflowDeclaration): ReportFields {
  return {
    titleField: wf.titleField ?? '', summaryFields: [...(wf.summaryFields ?? [])], severityField: wf.severityField ?? '',
    unitField: wf.unitField ?? '', personField: wf.personField ?? '',
  };
}

/** The workflow with the list title and report fields chosen ('' / []: none). */
export function withReportFields(wf: WorkflowDeclaration, r: ReportFields): WorkflowDeclaration {
  const next = { ...wf } as WorkflowDeclaration;
  delete next.titleField;
  delete next.summaryFields;
  delete next.severityField;
  delete next.unitField;
  delete next.personField;
  if (r.titleField) next.titleField = r.titleField;
  if (r.unitField) next.unitField = r.unitField;
  if (r.personField) next.personField = r.personField;
  if (r.summaryFields.length) next.summaryFields = [...r.summaryFields];
  // one of severity and category: a severity chosen replaces a category
  if (r.severityField) { next.severityField = r.severityField; delete next.categoryField; }
  return next;
}

/**
 * A new form inside a company type (a step's form: 归还钥匙, 整改结果…): a generated name and one
 * optional field 备注 in one section (a layout section needs a field), which the admin renames or
 * removes once the palette has added the real ones.
 */
export function blankForm(title: string, takenNames: Iterable<string>): { name: string; form: FormDeclaration; ui: UiDeclaration } {
  const name = freshId('form', takenNames);
  const label: Text = { 'zh-CN': title.trim() };
  return {
    name,
    form: {
      type: 'object', 'x-label': label, additionalProperties: false,
      properties: { note: { type: 'string', maxLength: 500, 'x-label': { 'zh-CN': '备注' } } },
    } as unknown as FormDeclaration,
    ui: { form: name, sections: [{ id: 'main', title: label, fields: ['note'] }] } as unknown as UiDeclaration,
  };
}

/** What is wrong with a new form's title (a message key), or ''. */
export function checkFormTitle(title: string, forms: (FormDeclaration | undefined)[]): string {
  const t = title.trim();
  if (!t) return 'nf_titleRequired';
  if (forms.some((f) => (f?.['x-label'] as Text | undefined)?.['zh-CN'] === t)) return 'nf_titleTaken';
  return '';
}
