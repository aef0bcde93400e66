/**
 * Dry run of a (proposed) configuration: a case walked through the workflow in memory — who gets
 * it at each step, which clocks run and when they fall due (on the company calendar), when a
 * clock would be overdue and whom it would escalate to, and when the follow-up is due. Nothing
 * is written. Uses the same planning code as real transitions. A clock that runs out between two
 * steps does what the overdue job does (core/workflow/overdue-job.ts): it takes its deadline's
 * onExpiry transition as the platform when the case is in a state that transition leaves, else it
 * escalates; a step without a transition only lets time pass, to see that happen.
 */
import { followUpDeadline } from '../workflow/follow-up-policy.js';
import type { CompiledCaseType, CompiledConfig } from './compiled-config.js';
import { WuyeError, type FieldIssue } from '../errors.js';
import { addDuration } from '../calendar/index.js';
import { clocksStartingOn, clocksStoppingOn, escalationTarget, pauseChange, resumedDue } from '../workflow/clocks.js';
import { planTransition, type CaseSnapshot } from '../workflow/plan-transition.js';
import { caseRuleEnvironment } from '../workflow/case-rule-environment.js';
import { expiryTransition } from '../workflow/clock-expiry.js';
import { withRuleEnvironment, type RuleEnvironment } from '../rules/index.js';

export interface DryRunInput {
  caseType: string;
  start: Date;
  create: { data: unknown };
  /** a step without a transition only waits afterMinutes (clocks may run out meanwhile) */
  steps: { transition?: string; data?: unknown; afterMinutes?: number }[];
}

type Text = { 'zh-CN': string; en?: string };

export interface DryRunClock { key: string; title: Text | null; startedAt: string; dueAt: string; status: 'running' | 'paused' | 'met' | 'overdue'; metAt: string | null; pausedAt?: string | null; escalatedTo: string | null; calendarGapYears?: number[] | null }

/** A clock that ran out before a step: whom it escalated to, or the transition its deadline took. */
export interface DryRunExpiry {
  clock: string;
  title: Text | null;
  dueAt: string;
  escalatedTo: string | null;
  escalatedToTitle: Text | null;
  /** the deadline's onExpiry transition, taken by the platform */
  transition: string | null;
  transitionTitle: Text | null;
  /** the state the case is in afterwards */
  state: string;
  stateTitle: Text | null;
  refused: { message: string; issues: FieldIssue[] } | null;
}

export interface DryRunStep {
  index: number;
  /** null for the creation and for a step that only waits */
  transition: string | null;
  /** a step that only let time pass */
  waited?: boolean;
  /** clocks that ran out between the previous step and this one, in due order */
  expired: DryRunExpiry[];
  at: string;
  state: string;
  stateTitle: Text | null;
  assigneeRole: string | null;
  assigneeRoleTitle: Text | null;
  clocks: DryRunClock[];
  followUp: { dueAt: string; method: string; roles: string[] } | null;
  refused: { message: string; issues: FieldIssue[] } | null;
}

/** who takes an onExpiry transition (as the overdue job does) */
const PLATFORM = { staffId: null, role: null, roles: [] as string[] };

export type FormValidator = (type: CompiledCaseType, form: string, value: unknown, env: RuleEnvironment, context: (form: Record<string, unknown>) => Record<string, unknown>) => Record<string, unknown>;

export function dryRun(config: CompiledConfig, input: DryRunInput, validateForm: FormValidator): DryRunStep[] {
  const type = config.caseTypes.get(input.caseType);
  if (!type) throw new WuyeError('WUYE_NOT_FOUND', 404, `case type ${input.caseType} not found`, [{ pointer: '/caseType', code: 'unknown', message: 'no such case type in this configuration' }]);
  const wf = type.workflow;
  const steps: DryRunStep[] = [];
  let at = input.start;
  const clocks: DryRunClock[] = [];
  let followUp: DryRunStep['followUp'] = null;
  const roleTitle = (r: string | null) => (r ? (config.roles.get(r)?.title ?? null) : null);
  let expired: DryRunExpiry[] = [];
  const record = (transition: string | null, snapshot: CaseSnapshot, refused: DryRunStep['refused'] = null, waited = false) => {
    steps.push({
      index: steps.length, transition, ...(waited ? { waited } : {}), expired, at: at.toISOString(), state: snapshot.state, stateTitle: wf.states[snapshot.state]?.title ?? null,
      assigneeRole: snapshot.assigneeRole ?? null, assigneeRoleTitle: roleTitle(snapshot.assigneeRole ?? null),
      clocks: clocks.map((c) => ({ ...c })), followUp, refused,
    });
  };
  const refusal = (e: unknown) => {
    if (e instanceof WuyeError) return { message: e.message, issues: e.issues };
    throw e;
  };
  const startClocks = (snapshot: CaseSnapshot, when = at) => {
    const running = new Set(clocks.filter((c) => c.metAt === null).map((c) => c.key));
    for (const s of clocksStartingOn(wf, snapshot.state, snapshot.severity, when, config.calendar)) {
      if (running.has(s.key)) continue;
      clocks.push({ key: s.key, title: wf.deadlines?.[s.key]?.title ?? null, startedAt: s.startedAt.toISOString(), dueAt: s.dueAt.toISOString(), status: 'running', metAt: null, escalatedTo: null, calendarGapYears: s.calendarGapYears });
    }
  };

  /** The case after a planned transition at `when`: its state and data, clocks stopped, paused, resumed. */
  const applyPlan = (plan: ReturnType<typeof planTransition>, snapshot: CaseSnapshot, when = at) => {
    snapshot.state = plan.target;
    snapshot.data = plan.data;
    snapshot.severity = plan.severity;
    snapshot.assigneeRole = plan.assigneeRole;
    const stopping = clocksStoppingOn(wf, plan.target);
    for (const c of clocks) {
      if (c.metAt === null && (stopping === 'all' || stopping.has(c.key))) {
        c.metAt = when.toISOString();
        if (c.status === 'running' || c.status === 'paused') c.status = 'met';
        c.pausedAt = null;
      }
    }
    // the same pause rule as the case service
    for (const c of clocks) {
      if (c.metAt !== null) continue;
      const change = pauseChange(wf, c.key, c.status, plan.target);
      if (change === 'pause') {
        c.status = 'paused';
        c.pausedAt = when.toISOString();
      } else if (change === 'resume') {
        c.dueAt = resumedDue(new Date(c.dueAt), new Date(c.pausedAt ?? when.toISOString()), when).toISOString();
        c.status = 'running';
        c.pausedAt = null;
      }
    }
  };

  /**
   * Clocks due before `now`, in due order, as the overdue job would find them: the deadline's
   * onExpiry transition taken by the platform (when the case is in a state it leaves), else escalation.
   */
  const expire = (snapshot: CaseSnapshot, now: Date) => {
    const due = clocks.filter((c) => c.status === 'running' && new Date(c.dueAt) < now).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    for (const c of due) {
      if (c.status !== 'running') continue; // stopped by an earlier expiry's transition
      const when = new Date(c.dueAt);
      c.status = 'overdue';
      const onExpiry = expiryTransition(wf, c.key);
      const entry: DryRunExpiry = { clock: c.key, title: c.title, dueAt: c.dueAt, escalatedTo: null, escalatedToTitle: null, transition: null, transitionTitle: null, state: snapshot.state, stateTitle: null, refused: null };
      if (onExpiry && wf.transitions[onExpiry]?.from.includes(snapshot.state)) {
        entry.transition = onExpiry;
        entry.transitionTitle = wf.transitions[onExpiry]!.title ?? null;
        try {
          const plan = withRuleEnvironment(caseRuleEnvironment(config, when), () => planTransition(type, config, snapshot, onExpiry, {}, PLATFORM));
          applyPlan(plan, snapshot, when);
          startClocks(snapshot, when);
        } catch (e) {
          entry.refused = refusal(e);
        }
      } else {
        const to = escalationTarget(wf, c.key, config.reportsTo, snapshot.assigneeRole ?? null);
        c.escalatedTo = to;
        entry.escalatedTo = to;
        entry.escalatedToTitle = roleTitle(to);
        if (to) snapshot.assigneeRole = to;
      }
      entry.state = snapshot.state;
      entry.stateTitle = wf.states[snapshot.state]?.title ?? null;
      expired.push(entry);
    }
  };

  // creation
  const snapshot: CaseSnapshot = {
    id: 0, serial: 'DRY-RUN', caseType: input.caseType, state: wf.initialState, projectId: 0, createdAt: at, data: {},
    assigneeRole: wf.initialAssignRole ?? wf.states[wf.initialState]?.assignRole ?? null, assigneeId: null, severity: null,
  };
  try {
    snapshot.data = validateForm(type, wf.form, input.create.data, caseRuleEnvironment(config, at), (form) => ({ data: form, config: type.settings }));
  } catch (e) {
    record(null, snapshot, refusal(e));
    return steps;
  }
  const gradeField = wf.severityField ?? wf.categoryField;
  snapshot.severity = gradeField ? (snapshot.data[gradeField] as string | undefined) ?? null : null;
  startClocks(snapshot);
  record(null, snapshot);

  for (const step of input.steps) {
    at = new Date(at.getTime() + (step.afterMinutes ?? 0) * 60_000);
    // clocks that ran out before this step: what the scheduled job does
    expired = [];
    expire(snapshot, at);
    if (step.transition === undefined) {
      record(null, snapshot, null, true);
      continue;
    }
    const transition = step.transition;
    const t = wf.transitions[transition];
    try {
      if (!t) throw new WuyeError('WUYE_VALIDATION', 400, `unknown transition "${step.transition}"`, [{ pointer: '/transition', code: 'unknown', message: 'no such transition' }]);
      if (!t.from.includes(snapshot.state)) {
        const message = `"${transition}" cannot be taken from state "${snapshot.state}" (allowed from: ${t.from.join(', ')})`;
        throw new WuyeError('WUYE_REFUSED', 422, message, [{ pointer: '/transition', code: 'not-from-state', message, params: { transition, state: snapshot.state } }]);
      }
      const role = t.roles[0] ?? null;
      const actor = { staffId: null, role, roles: role ? [role] : [] };
      const formData = t.form ? validateForm(type, t.form, step.data ?? {}, caseRuleEnvironment(config, at), (form) => ({ data: { ...snapshot.data, ...form }, case: snapshot, actor, config: type.settings })) : {};
      const plan = withRuleEnvironment(caseRuleEnvironment(config, at), () => planTransition(type, config, snapshot, transition, formData, actor));
      applyPlan(plan, snapshot);
      startClocks(snapshot);
      if (plan.followUp && wf.followUp) {
        const sev = snapshot.severity ?? '';
        followUp = {
          dueAt: addDuration(at, followUpDeadline(wf.followUp, sev, snapshot.data), config.calendar).toISOString(),
          method: wf.followUp.methodBySeverity?.[sev] ?? wf.followUp.method,
          roles: wf.followUp.rolesBySeverity?.[sev] ?? wf.followUp.roles,
        };
      }
      record(step.transition, snapshot);
    } catch (e) {
      record(step.transition, snapshot, refusal(e));
      break;
    }
  }
  return steps;
}
