/**
 * The assignment part of a draft's work in the draft pool (core/config/draft-tasks.ts): the
 * section's declaration check, and the dry run — who the draft's rules would pick for a sample
 * case, and why (each rule tried with its outcome and candidates). The route gathers the staff,
 * their open loads and round robin's turns from the database; here everything is plain data.
 */
import type { FieldIssue } from '../errors.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { PluginBundle } from '../declarations/plugin-bundle.js';
import { resolveEffectiveConfig, type ConfigDocument, type RoleInfo } from '../config/effective-config.js';
import { checkAssignmentSection, type AssignmentRefs } from './check-section.js';
import { chooseAssignee, type AssignmentPick } from './rules.js';
import { ineligibility, type StaffRecord } from './eligibility.js';

export interface AssignmentDryRunTask {
  kind: 'assignment';
  document: unknown;
  projectCodes: string[];
  refs: AssignmentRefs;
  sample: { caseType: string; projectId: number; projectCode: string; buildingId: number | null; data: Record<string, unknown>; role?: string };
  staff: (StaffRecord & { load: number })[];
  turns: Record<string, number>;
}

export interface AssignmentDryRunAnswer {
  valid: boolean;
  issues: FieldIssue[];
  role: string | null;
  pick: AssignmentPick | null;
  /** the staff who could take the case at all (before the rules' skills) */
  eligible: { id: number; name: string; load: number; skills: string[] }[];
}

/** The role graph a compiled configuration offers, from the roles alone. */
export function roleGraph(roles: Map<string, RoleInfo>) {
  const mergedFrom = new Map<string, string[]>();
  for (const role of roles.values()) if (role.mergedInto) mergedFrom.set(role.mergedInto, [...(mergedFrom.get(role.mergedInto) ?? []), role.id]);
  return {
    roles,
    actingRoles(staffRoles: readonly string[]): Set<string> {
      const acting = new Set<string>();
      const add = (r: string) => {
        if (acting.has(r)) return;
        acting.add(r);
        for (const m of mergedFrom.get(r) ?? []) add(m);
      };
      staffRoles.forEach(add);
      return acting;
    },
  };
}

/** The section's issues in a draft (pointers relative to the document). */
export function checkDraftAssignment(bundles: PluginBundle[], document: unknown, projectCodes: string[], refs?: AssignmentRefs): FieldIssue[] {
  const doc = document as ConfigDocument;
  if (!doc?.assignment) return [];
  const effective = resolveEffectiveConfig(bundles, doc, null);
  return checkAssignmentSection(doc.assignment, effective, new Set(projectCodes), refs);
}

/** Who the draft's rules would pick for the sample case. `otherIssues` are the rest of the draft's check. */
export function dryRunAssignment(bundles: PluginBundle[], task: AssignmentDryRunTask, otherIssues: FieldIssue[]): AssignmentDryRunAnswer {
  const issues = [...otherIssues, ...checkDraftAssignment(bundles, task.document, task.projectCodes, task.refs)].map((i) => ({ ...i, pointer: `/document${i.pointer}` }));
  if (issues.length) return { valid: false, issues, role: null, pick: null, eligible: [] };
  const doc = task.document as ConfigDocument;
  const effective = resolveEffectiveConfig(bundles, doc, task.sample.projectCode);
  const wf = effective.bundles.flatMap((b) => Object.entries(b.workflows)).find(([id]) => id === task.sample.caseType)?.[1];
  if (!wf) throw new NotFoundError(`case type ${task.sample.caseType}`);
  const role = task.sample.role ?? wf.initialAssignRole ?? wf.states[wf.initialState]?.assignRole ?? null;
  if (!role) throw new ValidationError([{ pointer: '/role', code: 'required', message: 'the case type starts in no role\'s queue: give the role', params: { field: 'role' } }]);
  if (!effective.roles.has(role)) throw new ValidationError([{ pointer: '/role', code: 'unknown-role', message: `unknown role "${role}"`, params: { name: role } }]);
  const graph = roleGraph(effective.roles);
  const eligible = task.staff.filter((s) => ineligibility(graph, s, task.sample.projectId, role) === null);
  const pick = chooseAssignee(doc.assignment, { caseType: task.sample.caseType, projectId: task.sample.projectId, projectCode: task.sample.projectCode, buildingId: task.sample.buildingId, data: task.sample.data, role },
    eligible.map((s) => ({ id: s.id, name: s.name, skills: s.skills, load: s.load })), { next: (key) => task.turns[key] ?? 0 });
  return { valid: true, issues: [], role, pick, eligible: eligible.map((s) => ({ id: s.id, name: s.name, load: s.load, skills: s.skills })) };
}
