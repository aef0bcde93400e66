/**
 * What a check's problem names (a state, a transition, a clock, a field — `params.name`, an id) by
 * the title the admin gave it in the draft, for plugins and for the company's own types alike: the
 * designer generates ids (state1, finish, deadline1) the admin never typed and would not recognise.
 */
import { loc } from '../i18n.js';
import type { FormDeclaration, Issue, WorkflowDeclaration } from './admin-types.js';
import { draft } from './draft-store.js';
import { asPluginTokens } from './company-types.js';
import { tokensOf } from './patch.js';

type Titled = Record<string, { title?: unknown }> | undefined;

// which of a workflow's parts a code names first (others are tried after: the id tells which it is)
const STATE_CODES = new Set(['dead-end-state', 'from-final-state', 'not-final', 'final-wait-state', 'invalid-state']);
const TRANSITION_CODES = new Set(['transition-not-available']);

/** The plugin (or company bundle) and scope of a document pointer. */
function ownerOf(pointer: string): { pluginId: string; scope: string | null; section?: string; name?: string } | null {
  let t = tokensOf(pointer);
  if (t[0] === 'document') t = t.slice(1);
  t = asPluginTokens(t);
  let scope: string | null = null;
  if (t[0] === 'projects' && t[1]) {
    scope = t[1];
    t = t.slice(2);
  }
  if (t[0] !== 'plugins' || !t[1]) return null;
  return { pluginId: t[1], scope, section: t[2], name: t[3] };
}

/** The title of the part `id` of the workflow(s) where the issue sits, or null when there is none. */
export function titleOfNamed(issue: Pick<Issue, 'pointer' | 'code'>, id: string): string | null {
  // what does not exist has no title: its id is all there is to say
  if (issue.code.startsWith('unknown-')) return null;
  const owner = ownerOf(issue.pointer);
  if (!owner) return null;
  const { pluginId, scope } = owner;
  const names = owner.section === 'workflows' && owner.name ? [owner.name] : draft.names(pluginId, 'workflows', scope);
  const workflows = names.map((n) => draft.decl<WorkflowDeclaration>(pluginId, 'workflows', n, scope)).filter((w): w is WorkflowDeclaration => !!w);
  const parts = (wf: WorkflowDeclaration): Titled[] => {
    const states = wf.states as Titled;
    const transitions = wf.transitions as Titled;
    const deadlines = wf.deadlines as Titled;
    if (STATE_CODES.has(issue.code)) return [states, transitions, deadlines];
    if (TRANSITION_CODES.has(issue.code)) return [transitions, states, deadlines];
    return [states, transitions, deadlines];
  };
  for (const wf of workflows) {
    for (const map of parts(wf)) {
      const title = loc(map?.[id]?.title as never);
      if (title) return title;
    }
  }
  // a field: its label in the plugin's forms
  for (const n of draft.names(pluginId, 'forms', scope)) {
    const label = loc(draft.decl<FormDeclaration>(pluginId, 'forms', n, scope)?.properties?.[id]?.['x-label']);
    if (label) return label;
  }
  return null;
}

/** The issue with the id it names replaced by its title (params `name`, `field`, `state`), for wording. */
export function withTitles<T extends Issue & { params?: Record<string, unknown> }>(issue: T): T {
  const params = { ...(issue.params ?? {}) };
  // a check that words its finding only in its English message quotes the id there (as issue-text.ts reads it)
  if (params.field === undefined && params.name === undefined) {
    const quoted = /"([^"]*)"/.exec(issue.message)?.[1];
    if (quoted) params.name = quoted;
  }
  let changed = false;
  for (const key of ['field', 'name', 'state'] as const) {
    const v = params[key];
    if (typeof v !== 'string' || !v) continue;
    const title = titleOfNamed(issue, v);
    if (title) {
      params[key] = title;
      changed = true;
    }
  }
  return changed ? { ...issue, params } : issue;
}
