/**
 * Checks a workflow's `conversions` (core/cases/convert-case.ts). Within the plugin (also for a
 * company's configuration): roles, `from` states, `closeAs` a final state, `waitIn` a state that is
 * not final with a `resumeOn` transition leaving it, source fields of this workflow. Across the
 * loaded plugins (at load): the target case type exists — declared by this plugin, one it depends
 * on, or the plugin named in `plugin` when that one is loaded — and every target field is a field
 * of the target's registration form.
 */
import type { WorkflowDeclaration } from '../../schemas/generated/workflow.js';
import type { FieldIssue } from '../errors.js';
import { joinPointer, namedIn } from '../errors.js';
import type { PluginBundle } from './plugin-bundle.js';
import type { FieldSchema } from './form-fields.js';

/** Paths a conversion may read beyond the source's data fields. */
const CASE_KEYS = new Set(['serial', 'createdAt', 'title', 'severity']);
const PERSON_KEYS = new Set(['name', 'phone']);

type Conversion = NonNullable<WorkflowDeclaration['conversions']>[string];
type Source = NonNullable<Conversion['fields']>[string];

function sourcePath(source: Source): string | null {
  if (typeof source === 'string') return source;
  return 'from' in source ? source.from : null;
}

export function checkConversions(wf: WorkflowDeclaration, roles: ReadonlySet<string>, fields: Map<string, FieldSchema>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (pointer: string, code: string, message: string) => issues.push({ pointer, code, message, params: namedIn(message) });
  const states = Object.keys(wf.states);
  for (const [to, conv] of Object.entries(wf.conversions ?? {})) {
    const base = joinPointer('conversions', to);
    conv.roles.forEach((r, i) => { if (!roles.has(r)) add(`${base}/roles/${i}`, 'unknown-role', `unknown role "${r}" (known: ${[...roles].join(', ')})`); });
    (conv.from ?? []).forEach((s, i) => {
      if (!wf.states[s]) add(`${base}/from/${i}`, 'unknown-state', `unknown state "${s}" (states: ${states.join(', ')})`);
      else if (wf.states[s]!.final) add(`${base}/from/${i}`, 'from-final-state', `"${s}" is final: a closed case is not converted`);
    });
    if ((conv.closeAs === undefined) === (conv.waitIn === undefined)) {
      add(base, 'close-or-wait', 'declare exactly one of closeAs (the source ends) and waitIn + resumeOn (the source waits for the target)');
    }
    if (conv.closeAs !== undefined) {
      if (!wf.states[conv.closeAs]) add(`${base}/closeAs`, 'unknown-state', `unknown state "${conv.closeAs}" (states: ${states.join(', ')})`);
      else if (!wf.states[conv.closeAs]!.final) add(`${base}/closeAs`, 'not-final', `"${conv.closeAs}" is not a final state: closeAs ends the source`);
      if (conv.resumeOn !== undefined) add(`${base}/resumeOn`, 'no-wait-state', 'resumeOn goes with waitIn: a source closed by the conversion does not resume');
    }
    if (conv.waitIn !== undefined) {
      if (!wf.states[conv.waitIn]) add(`${base}/waitIn`, 'unknown-state', `unknown state "${conv.waitIn}" (states: ${states.join(', ')})`);
      else if (wf.states[conv.waitIn]!.final) add(`${base}/waitIn`, 'final-wait-state', `"${conv.waitIn}" is final: the source would never resume`);
      if (conv.resumeOn === undefined) add(base, 'required', 'waitIn needs resumeOn: the transition the source takes when the target ends');
      else if (!wf.transitions[conv.resumeOn]) add(`${base}/resumeOn`, 'unknown-transition', `unknown transition "${conv.resumeOn}"`);
      else if (!wf.transitions[conv.resumeOn]!.from.includes(conv.waitIn)) add(`${base}/resumeOn`, 'invalid-state', `"${conv.resumeOn}" does not leave "${conv.waitIn}"`);
    }
    for (const [target, source] of Object.entries(conv.fields ?? {})) {
      const path = sourcePath(source);
      if (path === null) continue;
      const [root, ...rest] = path.split('.');
      const pointer = `${base}/fields/${target}${typeof source === 'string' ? '' : '/from'}`;
      if (root === 'case' && rest.length) {
        if (rest.length !== 1 || !CASE_KEYS.has(rest[0]!)) add(pointer, 'unknown-field', `"${path}" is not a case value (case.${[...CASE_KEYS].join(', case.')})`);
      } else if (root === 'person' && rest.length) {
        if (rest.length !== 1 || !PERSON_KEYS.has(rest[0]!)) add(pointer, 'unknown-field', `"${path}" is not a resident value (person.${[...PERSON_KEYS].join(', person.')})`);
      } else {
        const field = root === 'data' && rest.length ? rest[0]! : root!;
        if (!fields.has(field)) add(pointer, 'unknown-field', `unknown field "${field}": not declared by any form of this workflow`);
      }
    }
  }
  return issues;
}

/** Cross-plugin checks of every loaded workflow's conversions; issues carry their file. */
export function checkConversionTargets(bundles: PluginBundle[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const owner = new Map<string, PluginBundle>();
  for (const b of bundles) for (const [name, wf] of Object.entries(b.workflows)) owner.set(wf.caseType ?? name, b);
  const loaded = new Set(bundles.map((b) => b.id));
  const byId = new Map(bundles.map((b) => [b.id, b]));
  const dependencies = (b: PluginBundle, seen = new Set<string>()): Set<string> => {
    for (const d of b.manifest.dependsOn ?? []) {
      if (seen.has(d)) continue;
      seen.add(d);
      const dep = byId.get(d);
      if (dep) dependencies(dep, seen);
    }
    return seen;
  };
  for (const b of bundles) {
    for (const [name, wf] of Object.entries(b.workflows)) {
      const file = `plugins/${b.id}/${name}.workflow.json`;
      for (const [to, conv] of Object.entries(wf.conversions ?? {})) {
        const base = joinPointer('conversions', to);
        const add = (pointer: string, code: string, message: string) => issues.push({ file, pointer, code, message, params: namedIn(message) });
        if (conv.plugin !== undefined && !loaded.has(conv.plugin)) continue; // offered only while that plugin is loaded
        const target = owner.get(to);
        const reachable = conv.plugin !== undefined ? new Set([conv.plugin]) : new Set([b.id, ...dependencies(b)]);
        if (!target || !reachable.has(target.id)) {
          add(base, 'unknown-case-type', conv.plugin !== undefined
            ? `unknown case type "${to}": plugin ${conv.plugin} declares no such workflow`
            : `unknown case type "${to}": not declared by ${b.id} or a plugin it depends on (name the target's plugin in "plugin")`);
          continue;
        }
        const targetWf = Object.values(target.workflows).find((w) => w.caseType === to)!;
        const form = target.forms[targetWf.form];
        const props = (form?.properties ?? {}) as Record<string, FieldSchema>;
        for (const [field, source] of Object.entries(conv.fields ?? {})) {
          if (!props[field]) { add(`${base}/fields/${field}`, 'unknown-field', `unknown field "${field}": not a field of ${to}'s registration form ${targetWf.form}`); continue; }
          if (typeof source === 'object' && 'value' in source) {
            const allowed = props[field]!.enum;
            if (Array.isArray(allowed) && !allowed.includes(source.value as never)) add(`${base}/fields/${field}/value`, 'enum', `"${String(source.value)}" is not a value of ${to}'s field ${field} (${allowed.join(', ')})`);
          }
          if (typeof source === 'object' && 'map' in source && source.map) {
            const allowed = props[field]!.enum;
            for (const [k, v] of Object.entries(source.map)) {
              if (Array.isArray(allowed) && !allowed.includes(v as never)) add(`${base}/fields/${field}/map/${k}`, 'enum', `"${String(v)}" is not a value of ${to}'s field ${field} (${allowed.join(', ')})`);
            }
          }
        }
      }
    }
  }
  return issues;
}
