/**
 * Cross-checks one workflow against its plugin: states, roles, forms, rules, deadlines,
 * follow-up policy and documents must all exist. Pointers are relative to the workflow file.
 */
import type { WorkflowDeclaration } from '../../schemas/generated/workflow.js';
import type { FieldIssue } from '../errors.js';
import { joinPointer, namedIn } from '../errors.js';
import type { PluginBundle } from './plugin-bundle.js';
import { unionFields, type FieldSchema } from './form-fields.js';
import { checkRuleAgainstScope } from './rule-vars.js';
import { checkConversions } from './check-conversions.js';
import { APPEND_ROW, checkAppendRow } from '../workflow/append-row.js';
import { checkOnExpiry } from '../workflow/clock-expiry.js';
import { workflowFormNames } from './workflow-form-names.js';

export interface WorkflowCheckContext {
  roles: ReadonlySet<string>;
  effectTypes: ReadonlySet<string>;
  configKeys: Set<string>;
}

/** The forms whose data ends up in a case of this workflow (shared with the editor). */
export { workflowFormNames };

export function workflowFields(wf: WorkflowDeclaration, bundle: PluginBundle): Map<string, FieldSchema> {
  return unionFields(workflowFormNames(wf).map((n) => bundle.forms[n]).filter((f) => f !== undefined));
}

/** A field whose values are a closed set of choices: an enum (declared, or from the plugin's settings), or a boolean when allowed. */
export function isCategoryField(schema: FieldSchema, booleans = true): boolean {
  return Array.isArray(schema.enum) || schema['x-optionsFrom'] !== undefined || (booleans && schema.type === 'boolean');
}

export function checkWorkflow(name: string, wf: WorkflowDeclaration, bundle: PluginBundle, ctx: WorkflowCheckContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  // the first quoted name in the message is what the issue is about (a field, state, role…): params.name
  const add = (pointer: string, code: string, message: string) => issues.push({ pointer, code, message, params: namedIn(message) });
  const states = new Set(Object.keys(wf.states));
  const transitions = new Set(Object.keys(wf.transitions));
  const fields = workflowFields(wf, bundle);
  const scope = { fields, configKeys: ctx.configKeys };

  const role = (r: string | undefined, pointer: string) => {
    if (r !== undefined && !ctx.roles.has(r)) add(pointer, 'unknown-role', `unknown role "${r}" (known: ${[...ctx.roles].join(', ')})`);
  };
  const state = (s: string, pointer: string) => {
    if (!states.has(s)) add(pointer, 'unknown-state', `unknown state "${s}" (states: ${[...states].join(', ')})`);
  };
  const form = (f: string | undefined, pointer: string) => {
    if (f !== undefined && !bundle.forms[f]) add(pointer, 'unknown-form', `unknown form "${f}": no ${f}.form.json in plugin ${bundle.id}`);
  };
  const field = (f: string | undefined, pointer: string) => {
    if (f !== undefined && !fields.has(f)) add(pointer, 'unknown-field', `unknown field "${f}": not declared by any form of this workflow`);
  };

  if (wf.caseType !== name) add('/caseType', 'case-type-mismatch', `caseType "${wf.caseType}" must equal the file name "${name}"`);
  form(wf.form, '/form');
  state(wf.initialState, '/initialState');
  role(wf.initialAssignRole, '/initialAssignRole');
  wf.createRoles.forEach((r, i) => role(r, `/createRoles/${i}`));
  field(wf.severityField, '/severityField');
  field(wf.categoryField, '/categoryField');
  field(wf.titleField, '/titleField');
  (wf.summaryFields ?? []).forEach((f, i) => field(f, `/summaryFields/${i}`));
  // the case's own house / resident come from the registration form, from a field of the same kind
  const householdField = (f: string | undefined, ref: 'unit' | 'person', pointer: string) => {
    if (f === undefined) return;
    const schema = bundle.forms[wf.form]?.properties?.[f] as FieldSchema | undefined;
    if (!schema) add(pointer, 'unknown-field', `unknown field "${f}": not a field of the registration form ${wf.form}`);
    else if (schema['x-ref'] !== ref) add(pointer, 'not-a-ref-field', `"${f}" is not a ${ref} field (x-ref ${ref}) of the registration form`);
  };
  householdField(wf.unitField, 'unit', '/unitField');
  householdField(wf.personField, 'person', '/personField');
  // statistics count cases by these values: a free date, number or text would make one "category" per case
  const categorical = (f: string | undefined, pointer: string, booleans: boolean) => {
    const schema = f === undefined ? undefined : fields.get(f);
    if (schema && !isCategoryField(schema, booleans)) {
      add(pointer, 'not-a-category', `"${f}" is ${schema.format ?? schema.type ?? 'free'} input, not a choice: only enum fields${booleans ? ' and booleans' : ''} can be counted by value`);
    }
  };
  categorical(wf.severityField, '/severityField', false);
  categorical(wf.categoryField, '/categoryField', false);
  (wf.summaryFields ?? []).forEach((f, i) => categorical(f, `/summaryFields/${i}`, true));
  if (wf.severityField !== undefined && wf.categoryField !== undefined) {
    add('/categoryField', 'severity-and-category', 'declare either severityField (a real severity) or categoryField (a category picking the bySeverity entries), not both');
  }

  // the field whose value picks the bySeverity entries: the severity, or a category standing in for it
  const keyField = wf.severityField ?? wf.categoryField;
  const severityValues = keyField ? fields.get(keyField)?.enum?.map(String) : undefined;
  const severityKey = (key: string, pointer: string) => {
    if (!keyField) add(pointer, 'no-severity-field', 'bySeverity needs the workflow to declare severityField (or categoryField)');
    else if (severityValues && !severityValues.includes(key)) add(pointer, 'unknown-severity', `"${key}" is not a value of ${keyField} (${severityValues.join(', ')})`);
  };

  for (const [id, s] of Object.entries(wf.states)) role(s.assignRole, joinPointer('states', id, 'assignRole'));

  const finalStates = new Set(Object.entries(wf.states).filter(([, s]) => s.final).map(([id]) => id));
  if (finalStates.size === 0) add('/states', 'no-final-state', 'a workflow needs at least one final state');

  const fromStates = new Set<string>();
  for (const [id, t] of Object.entries(wf.transitions)) {
    const base = joinPointer('transitions', id);
    t.from.forEach((s, i) => { state(s, `${base}/from/${i}`); fromStates.add(s); if (finalStates.has(s)) add(`${base}/from/${i}`, 'from-final-state', `"${s}" is final: no transition may leave it`); });
    state(t.to, `${base}/to`);
    t.roles.forEach((r, i) => role(r, `${base}/roles/${i}`));
    form(t.form, `${base}/form`);
    if (t.guard !== undefined) issues.push(...checkRuleAgainstScope(t.guard, scope, `${base}/guard`));
    field(t.guardField, `${base}/guardField`);
    field(t.resultField, `${base}/resultField`);
    if (t.guardField !== undefined && t.guard === undefined) add(`${base}/guardField`, 'no-guard', 'guardField names the field of a guard: declare the guard');
    (t.branches ?? []).forEach((b, i) => {
      state(b.to, `${base}/branches/${i}/to`);
      issues.push(...checkRuleAgainstScope(b.when, scope, `${base}/branches/${i}/when`));
    });
    (t.effects ?? []).forEach((e, i) => {
      const ep = `${base}/effects/${i}`;
      if (!ctx.effectTypes.has(e.type)) add(`${ep}/type`, 'unknown-effect', `unknown effect "${e.type}" (known: ${[...ctx.effectTypes].join(', ')})`);
      if (e.type === 'set') {
        if (!e.field) add(`${ep}/field`, 'required', 'a set effect needs field');
        field(e.field, `${ep}/field`);
        if (e.value === undefined && !e.rule) add(ep, 'required', 'a set effect needs value or rule');
      }
      if (e.type === 'assign') {
        if (!e.role && e.to !== 'actor' && !e.rule && !e.staffField) add(ep, 'required', 'an assign effect needs role, rule, staffField or to: "actor"');
        role(e.role, `${ep}/role`);
        field(e.staffField, `${ep}/staffField`);
      }
      if (e.type === APPEND_ROW) issues.push(...checkAppendRow(e.params, fields, ep));
      if (e.type === 'followUp' && !wf.followUp) add(ep, 'no-follow-up-policy', 'a followUp effect needs the workflow\'s followUp policy');
      if (e.rule !== undefined && !bundle.rules[e.rule]) add(`${ep}/rule`, 'unknown-rule', `unknown rule "${e.rule}"`);
      if (e.value !== undefined) issues.push(...checkRuleAgainstScope(e.value, scope, `${ep}/value`));
      if (e.when !== undefined) issues.push(...checkRuleAgainstScope(e.when, scope, `${ep}/when`));
    });
  }
  for (const s of states) {
    if (!finalStates.has(s) && !fromStates.has(s)) add(joinPointer('states', s), 'dead-end-state', `state "${s}" is not final and no transition leaves it`);
  }

  for (const [id, d] of Object.entries(wf.deadlines ?? {})) {
    const base = joinPointer('deadlines', id);
    d.startOn.forEach((s, i) => state(s, `${base}/startOn/${i}`));
    d.stopOn.forEach((s, i) => state(s, `${base}/stopOn/${i}`));
    (d.pauseOn ?? []).forEach((s, i) => state(s, `${base}/pauseOn/${i}`));
    role(d.escalateTo, `${base}/escalateTo`);
    for (const key of Object.keys(d.bySeverity ?? {})) severityKey(key, `${base}/bySeverity/${key}`);
    (d.onlyFor ?? []).forEach((key, i) => severityKey(key, `${base}/onlyFor/${i}`));
    issues.push(...checkOnExpiry(wf, id, base));
  }

  if (wf.followUp) {
    const f = wf.followUp;
    form(f.form, '/followUp/form');
    f.roles.forEach((r, i) => role(r, `/followUp/roles/${i}`));
    for (const [key, list] of Object.entries(f.rolesBySeverity ?? {})) {
      severityKey(key, `/followUp/rolesBySeverity/${key}`);
      list.forEach((r, i) => role(r, `/followUp/rolesBySeverity/${key}/${i}`));
    }
    for (const key of Object.keys(f.methodBySeverity ?? {})) severityKey(key, `/followUp/methodBySeverity/${key}`);
    for (const key of Object.keys(f.deadlineBySeverity ?? {})) severityKey(key, `/followUp/deadlineBySeverity/${key}`);
    if (f.deadlineByField) field(f.deadlineByField.field, '/followUp/deadlineByField/field');
    const followUpForm = bundle.forms[f.form];
    const satisfied = followUpForm?.properties?.[f.satisfiedField] as FieldSchema | undefined;
    if (followUpForm && satisfied?.type !== 'boolean') add('/followUp/satisfiedField', 'unknown-field', `"${f.satisfiedField}" must be a boolean field of form ${f.form}`);
    if (f.methodField && followUpForm && !followUpForm.properties?.[f.methodField]) add('/followUp/methodField', 'unknown-field', `"${f.methodField}" is not a field of form ${f.form}`);
    for (const key of ['onSatisfied', 'onUnsatisfied'] as const) {
      if (!transitions.has(f[key])) add(`/followUp/${key}`, 'unknown-transition', `unknown transition "${f[key]}"`);
    }
  }

  issues.push(...checkConversions(wf, ctx.roles, fields));

  for (const [id, doc] of Object.entries(wf.documents ?? {})) {
    if (bundle.templates[doc.template] === undefined) add(joinPointer('documents', id, 'template'), 'unknown-template', `no template templates/${doc.template}.hbs`);
    if (doc.availableIf !== undefined) issues.push(...checkRuleAgainstScope(doc.availableIf, scope, joinPointer('documents', id, 'availableIf')));
  }
  return issues;
}
