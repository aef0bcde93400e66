/**
 * Edits of a form and its layout (the ui declaration of the same form) on the draft: fields with
 * their kind, labels, options and conditions; sections and the order of fields in them.
 * A form without a ui declaration gets one (one section, the fields in schema order) the first
 * time its layout changes: the order of a schema's properties cannot be changed by a merge patch.
 */
import type { FieldSchema, FormDeclaration, Text, UiDeclaration } from './admin-types.js';
import { draft, type Scope } from './draft-store.js';
import { clone } from './patch.js';

// the palette of field kinds lives in field-kinds.ts
export { FIELD_KINDS, fieldKind, withKind, type FieldKind } from './field-kinds.js';

/** A section as the editor handles it (a saved one needs at least one field: the server says so). */
export interface Section {
  id: string;
  title: Text;
  fields: string[];
  visibleIf?: unknown;
}

/** The ui declaration with plain arrays, for editing. */
export interface EditableUi {
  form: string;
  sections: Section[];
  fields?: NonNullable<UiDeclaration['fields']>;
}

export interface FormRef {
  pluginId: string;
  form: string;
  scope: Scope;
}

export function formOf(ref: FormRef): FormDeclaration | undefined {
  return draft.decl<FormDeclaration>(ref.pluginId, 'forms', ref.form, ref.scope);
}

/** The ui declaration of a form: the entry whose `form` names it (preferably of the same name). */
export function uiOf(ref: FormRef): { name: string; ui: EditableUi } | null {
  const names = draft.names(ref.pluginId, 'ui', ref.scope);
  const ordered = [ref.form, ...names.filter((n) => n !== ref.form)];
  for (const name of ordered) {
    const ui = draft.decl<EditableUi>(ref.pluginId, 'ui', name, ref.scope);
    if (ui && ui.form === ref.form) return { name, ui };
  }
  return null;
}

/** The sections the form shows (a synthetic one when it has no ui declaration). */
export function sectionsOf(ref: FormRef): Section[] {
  const ui = uiOf(ref)?.ui;
  if (ui) return ui.sections;
  const form = formOf(ref);
  return [{ id: 'main', title: clone(form?.['x-label'] ?? { 'zh-CN': ref.form }), fields: Object.keys(form?.properties ?? {}) }];
}

export function updateForm(ref: FormRef, edit: (f: FormDeclaration) => void): void {
  draft.update<FormDeclaration>(ref.pluginId, 'forms', ref.form, edit, ref.scope);
}

/** Edits the form's ui declaration, creating it when the form has none. */
export function updateUi(ref: FormRef, edit: (ui: EditableUi) => void): void {
  const found = uiOf(ref);
  if (found) {
    draft.update<EditableUi>(ref.pluginId, 'ui', found.name, edit, ref.scope);
    return;
  }
  let name = ref.form;
  for (let i = 2; draft.decl(ref.pluginId, 'ui', name, ref.scope) !== undefined; i++) name = `${ref.form}Layout${i}`;
  const ui: EditableUi = { form: ref.form, sections: sectionsOf(ref) };
  edit(ui);
  draft.setDecl(ref.pluginId, 'ui', name, ui, ref.scope);
}

export function setField(ref: FormRef, key: string, field: FieldSchema): void {
  updateForm(ref, (f) => { f.properties[key] = field; });
}

export function setRequired(ref: FormRef, key: string, required: boolean): void {
  updateForm(ref, (f) => {
    const list = (f.required ?? []).filter((k) => k !== key);
    if (required) list.push(key);
    if (list.length) f.required = list;
    else delete f.required;
  });
}

export function addField(ref: FormRef, key: string, field: FieldSchema, required: boolean, sectionId: string): void {
  updateForm(ref, (f) => {
    f.properties[key] = field;
    if (required) f.required = [...(f.required ?? []), key];
  });
  updateUi(ref, (ui) => {
    // a layout made now (the form had none) already lists every field, the new one included
    const section = ui.sections.find((s) => s.id === sectionId) ?? ui.sections[ui.sections.length - 1];
    for (const s of ui.sections) if (s !== section) s.fields = s.fields.filter((k) => k !== key);
    if (section && !section.fields.includes(key)) section.fields = [...section.fields, key];
  });
}

export function removeField(ref: FormRef, key: string): void {
  updateForm(ref, (f) => {
    delete f.properties[key];
    if (f.required) {
      f.required = f.required.filter((k) => k !== key);
      if (!f.required.length) delete f.required;
    }
  });
  const found = uiOf(ref);
  if (!found) return;
  updateUi(ref, (ui) => {
    for (const s of ui.sections) s.fields = s.fields.filter((k) => k !== key && !k.startsWith(`${key}.`));
    ui.sections = ui.sections.filter((s) => s.fields.length > 0);
    if (ui.fields) {
      for (const k of Object.keys(ui.fields)) if (k === key || k.startsWith(`${key}.`)) delete ui.fields[k];
      if (!Object.keys(ui.fields).length) delete ui.fields;
    }
  });
}

/** Moves a field up (-1) or down (+1) inside its section, or into the neighbouring section at an end. */
export function moveField(ref: FormRef, key: string, delta: -1 | 1): void {
  updateUi(ref, (ui) => {
    const si = ui.sections.findIndex((s) => s.fields.includes(key));
    if (si < 0) return;
    const fields = ui.sections[si]!.fields;
    const i = fields.indexOf(key);
    const j = i + delta;
    if (j >= 0 && j < fields.length) {
      [fields[i], fields[j]] = [fields[j]!, fields[i]!];
      return;
    }
    const target = ui.sections[si + delta];
    if (!target || fields.length === 1) return;
    fields.splice(i, 1);
    if (delta < 0) target.fields.push(key);
    else target.fields.unshift(key);
  });
}

export function setFieldSection(ref: FormRef, key: string, sectionId: string): void {
  updateUi(ref, (ui) => {
    for (const s of ui.sections) s.fields = s.fields.filter((k) => k !== key);
    const target = ui.sections.find((s) => s.id === sectionId);
    if (target) target.fields.push(key);
    ui.sections = ui.sections.filter((s) => s.fields.length > 0);
  });
}

export type FieldRuleKind = 'visibleIf' | 'requiredIf';

export function fieldRule(ref: FormRef, key: string, kind: FieldRuleKind): unknown {
  return uiOf(ref)?.ui.fields?.[key]?.[kind];
}

export function setFieldRule(ref: FormRef, key: string, kind: FieldRuleKind, rule: unknown): void {
  updateUi(ref, (ui) => {
    const fields = (ui.fields ??= {});
    const opts = { ...(fields[key] ?? {}) };
    if (rule === undefined) delete opts[kind];
    else opts[kind] = rule as never;
    if (Object.keys(opts).length) fields[key] = opts;
    else delete fields[key];
    if (!Object.keys(fields).length) delete ui.fields;
  });
}

export function addSection(ref: FormRef, id: string, title: Text): void {
  // a section needs at least one field: it is created empty in the editor and saved with its first field
  updateUi(ref, (ui) => { ui.sections.push({ id, title, fields: [] }); });
}

export function updateSection(ref: FormRef, index: number, edit: (s: Section, all: Section[]) => void): void {
  updateUi(ref, (ui) => {
    const s = ui.sections[index];
    if (s) edit(s, ui.sections);
  });
}

export function moveSection(ref: FormRef, index: number, delta: -1 | 1): void {
  updateUi(ref, (ui) => {
    const j = index + delta;
    if (j < 0 || j >= ui.sections.length) return;
    [ui.sections[index], ui.sections[j]] = [ui.sections[j]!, ui.sections[index]!];
  });
}

/** Removes a section; its fields go to the previous (or next) section. */
export function removeSection(ref: FormRef, index: number): void {
  updateUi(ref, (ui) => {
    const [gone] = ui.sections.splice(index, 1);
    if (!gone) return;
    const target = ui.sections[Math.max(0, index - 1)];
    if (target) target.fields = [...target.fields, ...gone.fields.filter((f) => !target.fields.includes(f))];
  });
}

/** Fields in no section: the form does not show them. */
export function unplacedFields(ref: FormRef): string[] {
  const form = formOf(ref);
  const placed = new Set(sectionsOf(ref).flatMap((s) => s.fields));
  return Object.keys(form?.properties ?? {}).filter((k) => !placed.has(k));
}
