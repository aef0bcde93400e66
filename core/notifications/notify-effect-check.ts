/**
 * Load-time checks of a plugin's messages and its workflows' notify effects, run with the bundle's
 * other cross-checks (core/declarations/validate-bundle.ts): a notify effect names a target, a
 * channel and one of the plugin's message templates (staff targets — the assignee, a declared
 * role — are told in the app, so they take no channel, urgency or building); a message a workflow sends may read that
 * workflow's case and data, any other message only the roots its `context` declares. Unknown
 * variables, helpers and unescaped output are refused, as in print templates.
 */
import type { FieldIssue } from '../errors.js';
import { joinPointer } from '../errors.js';
import type { PluginBundle } from '../declarations/plugin-bundle.js';
import type { WorkflowDeclaration } from '../../schemas/generated/workflow.js';
import type { FieldSchema } from '../declarations/form-fields.js';
import { workflowFields } from '../declarations/check-workflow.js';
import { CASE_MESSAGE_ROOTS, MESSAGE_ROOTS, checkMessageTemplate, type MessageTemplate as MessageTemplateDecl } from './outbox/message-templates.js';
import { NOTIFY_CHANNELS, NOTIFY_PARAMS, NOTIFY_TARGETS, STAFF_NOTIFY_TARGETS } from './notify-params.js';

export interface MessageCheckIssues { section: 'workflows' | 'manifest'; name: string; issues: FieldIssue[] }

/** @param roles the roles declared by the enabled plugins (a notify effect to a role must name one); omitted, roles are not checked */
export function checkPluginMessages(bundle: PluginBundle, workflows: [string, WorkflowDeclaration][], roles?: ReadonlySet<string>): MessageCheckIssues[] {
  const out: MessageCheckIssues[] = [];
  const messages = bundle.manifest.messages ?? {};
  const usedBy = new Map<string, Map<string, FieldSchema>>();
  for (const [name, wf] of workflows) {
    const issues: FieldIssue[] = [];
    const add = (pointer: string, code: string, message: string) => issues.push({ pointer, code, message });
    for (const [id, t] of Object.entries(wf.transitions)) {
      (t.effects ?? []).forEach((e, i) => {
        if (e.type !== 'notify') return;
        const base = joinPointer('transitions', id, 'effects', String(i), 'params');
        const p = (e.params ?? {}) as Record<string, unknown>;
        const known = new Set<string>(NOTIFY_PARAMS);
        for (const k of Object.keys(p)) if (!known.has(k)) add(`${base}/${k}`, 'unknown-param', `notify takes ${[...known].join(', ')}`);
        if (!NOTIFY_TARGETS.includes(p.to as never)) add(`${base}/to`, 'enum', `to must be one of ${NOTIFY_TARGETS.join(', ')}`);
        if (STAFF_NOTIFY_TARGETS.includes(p.to as string)) {
          // staff read it in the app: no SMS channel, quiet hours or building to choose
          for (const k of ['channel', 'urgent', 'buildingField']) if (p[k] !== undefined) add(`${base}/${k}`, 'staff-target', `${k} is for messages to residents; staff (to: ${String(p.to)}) are told in the app`);
        }
        if (p.to === 'role') {
          if (typeof p.role !== 'string') add(`${base}/role`, 'required', 'to: role names the role whose staff are told');
          else if (roles && !roles.has(p.role)) add(`${base}/role`, 'unknown-role', `unknown role "${p.role}" (known: ${[...roles].join(', ')})`);
        } else if (p.role !== undefined) add(`${base}/role`, 'unknown-param', 'role is only for to: role');
        if (p.channel !== undefined && !NOTIFY_CHANNELS.includes(p.channel as never)) add(`${base}/channel`, 'enum', `channel must be one of ${NOTIFY_CHANNELS.join(', ')}`);
        if (p.urgent !== undefined && typeof p.urgent !== 'boolean') add(`${base}/urgent`, 'type', 'urgent is true or false');
        const fields = workflowFields(wf, bundle);
        if (p.buildingField !== undefined && (typeof p.buildingField !== 'string' || !fields.has(p.buildingField))) add(`${base}/buildingField`, 'unknown-field', `unknown field "${String(p.buildingField)}"`);
        if (typeof p.template !== 'string' || !messages[p.template]) {
          add(`${base}/template`, 'unknown-message-template', `no message "${String(p.template)}" in plugin.json messages (known: ${Object.keys(messages).join(', ') || 'none'})`);
          return;
        }
        // a message several workflows send must fit each of them
        const seen = usedBy.get(p.template);
        usedBy.set(p.template, seen ? new Map([...fields].filter(([f]) => seen.has(f))) : fields);
      });
    }
    if (issues.length) out.push({ section: 'workflows', name, issues });
  }
  const manifestIssues: FieldIssue[] = [];
  for (const [id, message] of Object.entries(messages)) {
    const fields = usedBy.get(id);
    const roots = fields ? CASE_MESSAGE_ROOTS : [...MESSAGE_ROOTS, ...(message.context ?? [])];
    for (const i of checkMessageTemplate(message, fields ?? new Map(), roots)) manifestIssues.push({ ...i, pointer: joinPointer('messages', id) + i.pointer });
  }
  if (manifestIssues.length) out.push({ section: 'manifest', name: '', issues: manifestIssues });
  return out;
}

/**
 * The company's own message templates (configuration notifications.templates): one replacing a
 * plugin's message may read what that message may (its workflows' case and data, or its declared
 * context); a new one, what its own `context` declares besides company, project, building, unit,
 * person and now. Pointers are relative to the configuration document.
 */
export function checkCompanyMessages(templates: Record<string, MessageTemplateDecl> | undefined, bundles: readonly PluginBundle[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [id, message] of Object.entries(templates ?? {})) {
    const owner = bundles.find((b) => b.manifest.messages?.[id]);
    let fields = new Map<string, FieldSchema>();
    let roots: readonly string[] = [...MESSAGE_ROOTS, ...(message.context ?? [])];
    if (owner) {
      const sentBy = Object.values(owner.workflows).filter((wf) => Object.values(wf.transitions).some((t) => (t.effects ?? []).some((e) => e.type === 'notify' && (e.params as { template?: unknown } | undefined)?.template === id)));
      if (sentBy.length) {
        roots = CASE_MESSAGE_ROOTS;
        fields = sentBy.map((wf) => workflowFields(wf, owner)).reduce((a, b) => new Map([...a].filter(([f]) => b.has(f))));
      } else roots = [...MESSAGE_ROOTS, ...(owner.manifest.messages![id]!.context ?? []), ...(message.context ?? [])];
    }
    for (const i of checkMessageTemplate(message, fields, roots)) issues.push({ ...i, pointer: joinPointer('notifications', 'templates', id) + i.pointer });
  }
  return issues;
}
