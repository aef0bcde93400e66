/**
 * The UI declaration's rules, enforced on the server too (the browser only previews them):
 * computed fields are recomputed and override what was sent, hidden fields must be absent,
 * required-if fields present, and a value an errorIf rule refuses is refused with its message. Same JsonLogic, same context as in the browser.
 */
import type { UiDeclaration } from '../../schemas/generated/ui.js';
import type { FieldIssue } from '../errors.js';
import { compileRule, prepareRuleContext, truthy, withRuleEnvironment, type CompiledRule, type PreparedRuleContext, type RuleEnvironment } from '../rules/index.js';

export interface FormRules {
  computed: { field: string; rule: CompiledRule }[];
  requiredIf: { field: string; rule: CompiledRule }[];
  /** a field (or each field of a section) that is hidden when the rule is false */
  visibleIf: { fields: string[]; rule: CompiledRule }[];
  /** a field whose value is refused when the rule holds, with the message saying why */
  errorIf: { field: string; rule: CompiledRule; message: { 'zh-CN': string; en?: string } }[];
}

export function compileFormRules(ui: UiDeclaration | undefined): FormRules {
  const rules: FormRules = { computed: [], requiredIf: [], visibleIf: [], errorIf: [] };
  if (!ui) return rules;
  for (const section of ui.sections) {
    if (section.visibleIf !== undefined) rules.visibleIf.push({ fields: section.fields, rule: compileRule(section.visibleIf) });
  }
  for (const [field, opts] of Object.entries(ui.fields ?? {})) {
    if (opts.computed !== undefined) rules.computed.push({ field, rule: compileRule(opts.computed) });
    if (opts.requiredIf !== undefined) rules.requiredIf.push({ field, rule: compileRule(opts.requiredIf) });
    if (opts.visibleIf !== undefined) rules.visibleIf.push({ fields: [field], rule: compileRule(opts.visibleIf) });
    if (opts.errorIf !== undefined && opts.errorMessage) rules.errorIf.push({ field, rule: compileRule(opts.errorIf), message: opts.errorMessage });
  }
  return rules;
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function getPath(data: Record<string, unknown>, path: string): unknown {
  let cur: unknown = data;
  for (const seg of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
  return cur;
}

function setPath(data: Record<string, unknown>, path: string, value: unknown): void {
  const segs = path.split('.');
  let cur = data;
  for (const seg of segs.slice(0, -1)) {
    if (!cur[seg] || typeof cur[seg] !== 'object') cur[seg] = {};
    cur = cur[seg] as Record<string, unknown>;
  }
  cur[segs[segs.length - 1]!] = value;
}

/**
 * Applies the rules to `form` (mutated: computed values set). `context(form)` builds the rule
 * context, so rules can read the case's existing data as well. Returns issues, pointers under
 * `basePointer`. `env` is the case's rule environment (core/workflow/case-rule-environment.ts):
 * the same calendar, clock and settings a guard sees, so date.* and plugin operators (billing.rateOn)
 * that pass the load-time check also run here.
 */
export function applyFormRules(rules: FormRules, form: Record<string, unknown>, context: (form: Record<string, unknown>) => Record<string, unknown>, basePointer: string, env: RuleEnvironment): FieldIssue[] {
  // one copy of the context per state of the form: recomputed only after a computed field changes it
  let prepared: PreparedRuleContext | null = null;
  const evaluate = (rule: CompiledRule) => {
    try {
      const ready = (prepared ??= prepareRuleContext(context(form)));
      return withRuleEnvironment(env, () => rule.evaluate(ready));
    } catch {
      return null; // a rule that cannot run on incomplete data neither shows, requires nor computes
    }
  };
  for (const { field, rule } of rules.computed) {
    const value = evaluate(rule);
    if (value !== null && value !== undefined) {
      setPath(form, field, value);
      prepared = null;
    }
  }
  const issues: FieldIssue[] = [];
  const hidden = new Set<string>();
  for (const { fields, rule } of rules.visibleIf) {
    if (!truthy(evaluate(rule))) fields.forEach((f) => hidden.add(f));
  }
  for (const field of hidden) {
    if (!isEmpty(getPath(form, field))) {
      issues.push({ pointer: `${basePointer}/${field.split('.').join('/')}`, code: 'hidden-field', message: 'does not apply here (the field is hidden by its condition): leave it empty' });
    }
  }
  for (const { field, rule } of rules.requiredIf) {
    if (hidden.has(field)) continue;
    if (truthy(evaluate(rule)) && isEmpty(getPath(form, field))) {
      issues.push({ pointer: `${basePointer}/${field.split('.').join('/')}`, code: 'required', message: 'is required here' });
    }
  }
  for (const { field, rule, message } of rules.errorIf) {
    if (hidden.has(field) || isEmpty(getPath(form, field))) continue;
    if (truthy(evaluate(rule))) {
      issues.push({ pointer: `${basePointer}/${field.split('.').join('/')}`, code: 'rule-error', message: message.en ? `${message['zh-CN']} / ${message.en}` : message['zh-CN'] });
    }
  }
  return issues;
}
