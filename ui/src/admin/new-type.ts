/**
 * The 新建业务类型 dialog's logic, apart from its element: which types may be copied (every
 * workflow in the draft, the plugins' and the company's, by title), what the admin's answers must
 * be (a title no other type has, a serial prefix of 1–4 capitals no other type uses, at least one
 * role), and the definition it adds — blank or a copy — with every id generated (generated-ids.ts).
 * The same checks serve 业务类型设置, which changes title, prefix and roles of a company type later.
 */
import type { PluginDecls, Text, WorkflowDeclaration } from './admin-types.js';
import { blankType, copyOfType, type CompanyTypeDef } from './company-types.js';
import { freshCaseTypeId, SERIAL_PREFIX } from './generated-ids.js';

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
