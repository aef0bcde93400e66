/**
 * The declaration check of the company's `assignment` section, with the rest of a draft's check
 * (in the draft pool): every role, case type, project, building, field, skill and named staff
 * member a rule mentions must exist, else an issue with the JSON pointer of the mention.
 * Buildings and staff live in the database: the caller gathers their ids (`AssignmentRefs`); a
 * check without them (the workflow dry run's) leaves those two out.
 */
import type { FieldIssue } from '../errors.js';
import { joinPointer } from '../errors.js';
import type { PluginBundle } from '../declarations/plugin-bundle.js';
import { fieldPaths } from '../declarations/form-fields.js';
import { workflowFormNames } from '../declarations/check-workflow.js';
import type { RoleInfo } from '../config/effective-config.js';
import type { AssignmentSection } from './rules.js';

export interface AssignmentRefs {
  /** the company's buildings with their project's code */
  buildings: { id: number; projectCode: string }[];
  /** the company's staff ids */
  staffIds: number[];
}

export function checkAssignmentSection(
  section: AssignmentSection | undefined,
  effective: { roles: Map<string, RoleInfo>; bundles: PluginBundle[] },
  projectCodes: ReadonlySet<string>,
  refs?: AssignmentRefs,
): FieldIssue[] {
  if (!section) return [];
  const issues: FieldIssue[] = [];
  const add = (pointer: string, code: string, message: string, params: Record<string, string | number>) => issues.push({ pointer, code, message, params });
  const caseTypes = new Map<string, Set<string>>();
  for (const b of effective.bundles) {
    for (const [id, wf] of Object.entries(b.workflows)) {
      const fields = new Set<string>();
      for (const name of workflowFormNames(wf)) {
        const form = b.forms[name];
        if (form) for (const p of fieldPaths(form).keys()) fields.add(p);
      }
      caseTypes.set(id, fields);
    }
  }
  const skills = new Set(section.skills ?? []);
  const buildings = refs ? new Map(refs.buildings.map((b) => [b.id, b.projectCode])) : null;
  const staff = refs ? new Set(refs.staffIds) : null;
  (section.rules ?? []).forEach((rule, i) => {
    const at = (...p: (string | number)[]) => joinPointer('assignment', 'rules', i, ...p);
    (rule.caseTypes ?? []).forEach((t, j) => {
      if (!caseTypes.has(t)) add(at('caseTypes', j), 'unknown-case-type', `no case type "${t}"`, { name: t });
    });
    (rule.roles ?? []).forEach((r, j) => {
      if (!effective.roles.has(r)) add(at('roles', j), 'unknown-role', `unknown role "${r}"`, { name: r });
    });
    (rule.projects ?? []).forEach((code, j) => {
      if (!projectCodes.has(code)) add(at('projects', j), 'unknown-project', `no project with code "${code}"`, { name: code });
    });
    if (buildings) {
      (rule.buildings ?? []).forEach((id, j) => {
        const project = buildings.get(id);
        if (project === undefined) add(at('buildings', j), 'unknown-building', `no building ${id} in this company`, { name: id });
        else if (rule.projects && !rule.projects.includes(project)) add(at('buildings', j), 'building-outside-projects', `building ${id} is in project ${project}, which the rule does not name`, { name: id, project });
      });
    }
    if (rule.match) {
      const among = rule.caseTypes?.filter((t) => caseTypes.has(t)) ?? [...caseTypes.keys()];
      if (!among.some((t) => caseTypes.get(t)!.has(rule.match!.field))) {
        add(at('match', 'field'), 'unknown-field', `no field "${rule.match.field}" in the forms of ${rule.caseTypes ? rule.caseTypes.join(', ') : 'any case type'}`, { name: rule.match.field });
      }
    }
    (rule.skills ?? []).forEach((s, j) => {
      if (!skills.has(s)) add(at('skills', j), 'unknown-skill', `"${s}" is not in assignment.skills`, { name: s });
    });
    if (typeof rule.pick === 'number' && staff && !staff.has(rule.pick)) {
      add(at('pick'), 'unknown-staff', `no staff member ${rule.pick} in this company`, { name: rule.pick });
    }
  });
  return issues;
}
