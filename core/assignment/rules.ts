/**
 * Assignment rules (the company's `assignment` section): which named staff member a case goes to.
 * Pure functions of plain data, so the same code answers a live case (assignment-service.ts) and
 * the editor's dry run of a draft (in the draft pool). Rules are tried in order; the first that
 * matches the case and finds a candidate picks. Every rule tried is reported, for the dry run.
 */
import type { ConfigDeclaration } from '../../schemas/generated/config.js';

export type AssignmentSection = NonNullable<ConfigDeclaration['assignment']>;
export type AssignmentRule = NonNullable<AssignmentSection['rules']>[number];

/** The case as the rules see it. */
export interface AssignmentCase {
  caseType: string;
  projectId: number;
  projectCode: string | null;
  buildingId: number | null;
  data: Record<string, unknown>;
  /** the role whose queue the case is in */
  role: string;
}

/** A staff member who could take the case (active, of the role, working in the project). */
export interface Candidate {
  id: number;
  name: string;
  skills: string[];
  /** open cases assigned to them now */
  load: number;
}

export type RuleOutcome =
  | 'picked'
  | 'case-type' | 'role' | 'project' | 'building' | 'field'
  | 'no-candidate' | 'named-not-eligible';

export interface RuleTrial {
  index: number;
  title: string | null;
  outcome: RuleOutcome;
  /** the candidates the rule chose among (after its skills), with their open loads */
  candidates: { id: number; name: string; load: number }[];
}

export interface AssignmentPick {
  staffId: number | null;
  staffName: string | null;
  /** the rule that picked, or null (no rule matched: the role's queue) */
  rule: number | null;
  trials: RuleTrial[];
}

/** Round robin's turn counters, by rule key; `next` tells which turn a rule is at (0 the first). */
export interface Turns {
  next(key: string): number;
}

/** A rule's turn counter key: its content, so reordering the rules keeps each one's turn. */
export function ruleKey(rule: AssignmentRule): string {
  const text = JSON.stringify(rule);
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return `assign-turn:${h.toString(36)}`;
}

function fieldHolds(value: unknown, values: readonly unknown[]): boolean {
  if (Array.isArray(value)) return value.some((v) => values.includes(v));
  return value !== undefined && value !== null && values.includes(value);
}

/** Why a rule does not apply to the case, or null when it does. */
export function ruleMismatch(rule: AssignmentRule, c: AssignmentCase): RuleOutcome | null {
  if (rule.caseTypes && !rule.caseTypes.includes(c.caseType)) return 'case-type';
  if (rule.roles && !rule.roles.includes(c.role)) return 'role';
  if (rule.projects && (!c.projectCode || !rule.projects.includes(c.projectCode))) return 'project';
  if (rule.buildings && (c.buildingId == null || !rule.buildings.includes(c.buildingId))) return 'building';
  if (rule.match && !fieldHolds(c.data[rule.match.field], rule.match.values)) return 'field';
  return null;
}

/**
 * Chooses the staff member for a case. `candidates` are the eligible staff (see eligibility.ts);
 * `turns` gives round robin's position per rule (not advanced here: the caller advances the rule
 * that picked).
 */
export function chooseAssignee(section: AssignmentSection | undefined, c: AssignmentCase, candidates: readonly Candidate[], turns: Turns): AssignmentPick {
  const trials: RuleTrial[] = [];
  const rules = section?.rules ?? [];
  for (const [index, rule] of rules.entries()) {
    const title = rule.title ?? null;
    const mismatch = ruleMismatch(rule, c);
    if (mismatch) {
      trials.push({ index, title, outcome: mismatch, candidates: [] });
      continue;
    }
    const skilled = candidates.filter((s) => (rule.skills ?? []).every((k) => s.skills.includes(k)));
    const listed = skilled.map((s) => ({ id: s.id, name: s.name, load: s.load }));
    let chosen: Candidate | undefined;
    if (typeof rule.pick === 'number') {
      chosen = skilled.find((s) => s.id === rule.pick);
      if (!chosen) {
        trials.push({ index, title, outcome: 'named-not-eligible', candidates: listed });
        continue;
      }
    } else if (skilled.length === 0) {
      trials.push({ index, title, outcome: 'no-candidate', candidates: listed });
      continue;
    } else if (rule.pick === 'leastOpenLoad') {
      // the fewest open cases; on a tie the one listed first (lowest id): deterministic
      chosen = [...skilled].sort((a, b) => a.load - b.load || a.id - b.id)[0];
    } else {
      const ordered = [...skilled].sort((a, b) => a.id - b.id);
      chosen = ordered[turns.next(ruleKey(rule)) % ordered.length];
    }
    trials.push({ index, title, outcome: 'picked', candidates: listed });
    return { staffId: chosen!.id, staffName: chosen!.name, rule: index, trials };
  }
  return { staffId: null, staffName: null, rule: null, trials };
}
