/**
 * Message templates: declared by plugins (manifest `messages`) and replaced or added by companies
 * (configuration `notifications.templates`). Checked at load with the print templates' checker
 * (only the roots a message is rendered with, no triple-stash output, no partials), rendered with
 * no helpers beyond the built-in blocks. Rendered as plain text: an SMS or a WeChat data field is
 * not HTML, so "亲子 & 读书" must reach the resident as written, not as "&amp;"; staff screens show
 * the text through lit, which escapes it there.
 */
import Handlebars from 'handlebars';
import type { PluginBundle } from '../../declarations/plugin-bundle.js';
import type { FieldSchema } from '../../declarations/form-fields.js';
import { checkTemplate } from '../../declarations/check-template.js';
import type { FieldIssue } from '../../errors.js';
import type { MessageTemplate } from '../../../schemas/generated/plugin.js';

export type { MessageTemplate };

/** What every message is rendered with; a workflow's messages add case and data. */
export const MESSAGE_ROOTS = ['company', 'project', 'building', 'unit', 'person', 'now'] as const;
export const CASE_MESSAGE_ROOTS = [...MESSAGE_ROOTS, 'case', 'data'] as const;
/** handlebars' own blocks only: a message has no formatting helpers to call */
export const MESSAGE_HELPERS: ReadonlySet<string> = new Set(['if', 'unless', 'each', 'with']);

/** Checks a message's text and params against the roots (and case fields) it is rendered with. */
export function checkMessageTemplate(message: MessageTemplate, fields: Map<string, FieldSchema>, roots: readonly string[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const at = (pointer: string, list: FieldIssue[]) => list.forEach((i) => issues.push({ ...i, pointer, message: i.message.replace('in documents', 'in messages') }));
  at('/text', checkTemplate(message.text, fields, MESSAGE_HELPERS, roots));
  for (const [name, src] of Object.entries(message.params ?? {})) at(`/params/${name}`, checkTemplate(src, fields, MESSAGE_HELPERS, roots));
  return issues;
}

/** The templates in force: each plugin's, then the company's by id over them. */
export function messageTemplates(bundles: readonly PluginBundle[], company: Record<string, MessageTemplate> | undefined): Map<string, MessageTemplate & { pluginId: string | null }> {
  const all = new Map<string, MessageTemplate & { pluginId: string | null }>();
  for (const b of bundles) for (const [id, m] of Object.entries(b.manifest.messages ?? {})) all.set(id, { ...m, pluginId: b.id });
  for (const [id, m] of Object.entries(company ?? {})) all.set(id, { ...m, pluginId: all.get(id)?.pluginId ?? null });
  return all;
}

/**
 * The plugin messages only ever told to staff in the app (notify effects to: assignee / role, and no
 * code context of their own): no SMS template code is registered for them, so the 短信与微信 tab
 * leaves them out.
 */
export function staffOnlyMessages(bundles: readonly PluginBundle[]): Set<string> {
  const toStaff = new Set<string>();
  const toResidents = new Set<string>();
  for (const b of bundles) {
    for (const wf of Object.values(b.workflows)) {
      for (const t of Object.values(wf.transitions)) {
        for (const e of t.effects ?? []) {
          if (e.type !== 'notify') continue;
          const p = (e.params ?? {}) as { to?: unknown; template?: unknown };
          if (typeof p.template === 'string') (p.to === 'assignee' || p.to === 'role' ? toStaff : toResidents).add(p.template);
        }
      }
    }
  }
  const declared = new Map(bundles.flatMap((b) => Object.entries(b.manifest.messages ?? {})));
  return new Set([...toStaff].filter((id) => !toResidents.has(id) && !declared.get(id)?.context?.length));
}

type Named = { name: string } | null | undefined;
type Coded = { name: string; code: string } | null | undefined;

/** The roots every message reads (MESSAGE_ROOTS but now), from the records found: their names and numbers only. */
export function messageRoots(r: { company: Named; project: Coded; building: Coded; unit: { number: string } | null | undefined; person: Named }): Record<string, unknown> {
  return {
    company: r.company ? { name: r.company.name } : {},
    project: r.project ? { name: r.project.name, code: r.project.code } : {},
    building: r.building ? { name: r.building.name, code: r.building.code } : {},
    unit: r.unit ? { number: r.unit.number } : {},
    person: r.person ? { name: r.person.name } : {},
  };
}

const compiled = new Map<string, HandlebarsTemplateDelegate>();
function compile(source: string): HandlebarsTemplateDelegate {
  let t = compiled.get(source);
  if (!t) {
    // strict off: a missing value renders empty (the load check already refused unknown variables)
    t = Handlebars.compile(source, { noEscape: true, knownHelpersOnly: true, knownHelpers: { if: true, unless: true, each: true, with: true } });
    if (compiled.size > 500) compiled.clear();
    compiled.set(source, t);
  }
  return t;
}

const runtime = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };

export function renderMessage(message: MessageTemplate, context: Record<string, unknown>): { text: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  for (const [name, src] of Object.entries(message.params ?? {})) params[name] = compile(src)(context, runtime).trim();
  return { text: compile(message.text)(context, runtime).trim(), params };
}
