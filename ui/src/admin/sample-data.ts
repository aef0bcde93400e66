/**
 * Sample data for a dry run: every required field of a form (and every field a ui rule may make
 * required, unless a rule may also hide it) gets a plausible value — the first option of a
 * choice, a short text, today's date. The admin edits it before running.
 */
import { compileRule, truthy, type RuleLogic } from '../../../core/rules/index.js';
import type { FieldSchema, FormDeclaration, UiDeclaration } from './admin-types.js';

export function sampleValue(field: FieldSchema, at: Date): unknown {
  if (field.const !== undefined) return field.const;
  if (Array.isArray(field.enum) && field.enum.length) return field.enum[0];
  switch (field.type) {
    case 'boolean': return true;
    case 'number':
    case 'integer': return typeof field.minimum === 'number' ? field.minimum : 1;
    case 'array': return [];
    case 'object': return sampleData({ type: 'object', properties: field.properties ?? {}, required: field.required, 'x-label': { 'zh-CN': '' }, additionalProperties: false }, null, at);
    default: break;
  }
  switch (field.format) {
    case 'date': return at.toISOString().slice(0, 10);
    case 'date-time': return at.toISOString();
    case 'time': return '09:00:00+08:00';
    case 'money': return '100.00';
    case 'phone': return '13800000000';
    case 'email': return 'resident@example.com';
    case 'uri': return 'https://example.com';
    case 'attachment':
    case 'signature': return undefined;
    default: break;
  }
  const max = typeof field.maxLength === 'number' ? field.maxLength : 20;
  return '示例内容'.slice(0, Math.max(1, Math.min(max, 4)));
}

export function sampleData(form: FormDeclaration | undefined, ui: UiDeclaration | null | undefined, at: Date): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (!form) return data;
  const wanted = new Set(form.required ?? []);
  for (const [name, opts] of Object.entries(ui?.fields ?? {})) {
    if (opts.requiredIf !== undefined && opts.visibleIf === undefined && !name.includes('.')) wanted.add(name);
  }
  for (const name of Object.keys(form.properties ?? {})) {
    if (!wanted.has(name)) continue;
    const value = sampleValue(form.properties[name]!, at);
    if (value !== undefined) data[name] = value;
  }
  fillRequiredBySample(form, ui, data, at);
  return data;
}

/**
 * A field required only when shown (an in-home repair's 在保修期内) is required by the sample
 * itself once the sample shows it: its rule is evaluated on the sample, a few rounds for chains.
 */
function fillRequiredBySample(form: FormDeclaration, ui: UiDeclaration | null | undefined, data: Record<string, unknown>, at: Date): void {
  const conditional = Object.entries(ui?.fields ?? {}).filter(([name, opts]) => opts.requiredIf !== undefined && !name.includes('.') && form.properties?.[name]);
  for (let round = 0; round < 3; round++) {
    let added = false;
    for (const [name, opts] of conditional) {
      if (name in data) continue;
      let required = false;
      try {
        required = truthy(compileRule(opts.requiredIf as RuleLogic).evaluate({ data }));
      } catch {
        continue; // a rule that reads what the sample cannot know (the case, the actor) stays unfilled
      }
      if (!required) continue;
      const value = sampleValue(form.properties[name]!, at);
      if (value !== undefined) {
        data[name] = value;
        added = true;
      }
    }
    if (!added) return;
  }
}
