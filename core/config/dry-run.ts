/**
 * Dry run of a (proposed) configuration: a case walked through the workflow in memory — who gets
 * it at each step, which clocks run and when they fall due (on the company calendar), when a
 * clock would be overdue and whom it would escalate to, and when the follow-up is due. Nothing
 * is written. Uses the same planning code as real transitions.
 */
import { followUpDeadline } from '../workflow/follow-up-policy.js';
import type { CompiledCaseType, CompiledConfig } from './compiled-config.js';
import { WuyeError, type FieldIssue } from '../errors.js';
import { addDuration } from '../calendar/index.js';
import { clocksStartingOn, clocksStoppingOn, escalationTarget, pauseChange, resumedDue } from '../workflow/clocks.js';
import { planTransition, type CaseSnapshot } from '../workflow/plan-transition.js';
import { caseRuleEnvironment } from '../workflow/case-rule-environment.js';
import { withRuleEnvironment } from '../rules/index.js';

export interface DryRunInput {
  caseType: string;
  start: Date;
  create: { data: unknown };
  steps: { transition: string; data?: unknown; afterMinutes?: number }[];
}

type Text = { 'zh-CN': string; en?: string };

export interface DryRunClock { key: string; title: Text | null; startedAt: string; dueAt: string; status: 'running' | 'paused' | 'met' | 'overdue'; metAt: string | null; pausedAt?: string | null; escalatedTo: string | null; calendarGapYears?: number[] | null }

export interface DryRunStep {
  index: number;
  /** null for the creation */
  transition: string | null;
  at: string;
  state: string;
  stateTitle: Text | null;
  assigneeRole: string | null;
  assigneeRoleTitle: Text | null;
  clocks: DryRunClock[];
  followUp: { dueAt: string; method: string; roles: string[] } | null;
  refused: { message: string; issues: FieldIssue[] } | null;
}

export type FormValidator = (type: CompiledCaseType, form: string, value: unknown, context: (form: Record<string, unknown>) => Record<string, unknown>) => Record<string, unknown>;

export function dryRun(config: CompiledConfig, input: DryRunInput, validateForm: FormValidator): DryRunStep[] {
  const type = config.caseTypes.get(input.caseType);
  if (!type) throw new WuyeError('WUYE_NOT_FOUND', 404, `case type ${input.caseType} not found`, [{ pointer: '/caseType', code: 'unknown', message: 'no such case type in this configuration' }]);
  const wf = type.workflow;
  const steps: DryRunStep[] = [];
  let at = input.start;
  const clocks: DryRunClock[] = [];
  let followUp: DryRunStep['followUp'] = null;
  const roleTitle = (r: string | null) => (r ? (config.roles.get(r)?.title ?? null) : null);
  const record = (transition: string | null, snapshot: CaseSnapshot, refused: DryRunStep['refused'] = null) => {
    steps.push({
      index: steps.length, transition, at: at.toISOString(), state: snapshot.state, stateTitle: wf.states[snapshot.state]?.title ?? null,
      assigneeRole: snapshot.assigneeRole ?? null, assigneeRoleTitle: roleTitle(snapshot.assigneeRole ?? null),
      clocks: clocks.map((c) => ({ ...c })), followUp, refused,
    });
  };
  const refusal = (e: unknown) => {
    if (e instanceof WuyeError) return { message: e.message, issues: e.issues };
    throw e;
  };
  const startClocks = (snapshot: CaseSnapshot) => {
    const running = new Set(clocks.filter((c) => c.metAt === null).map((c) => c.key));
    for (const s of clocksStartingOn(wf, snapshot.state, snapshot.severity, at, config.calendar)) {
      if (running.has(s.key)) continue;
      clocks.push({ key: s.key, title: wf.deadlines?.[s.key]?.title ?? null, startedAt: s.startedAt.toISOString(), dueAt: s.dueAt.toISOString(), status: 'running', metAt: null, escalatedTo: null, calendarGapYears: s.calendarGapYears });
    }
  };

  // creation
  const snapshot: CaseSnapshot = {
    id: 0, serial: 'DRY-RUN', caseType: input.caseType, state: wf.initialState, projectId: 0, createdAt: at, data: {},
    assigneeRole: wf.initialAssignRole ?? wf.states[wf.initialState]?.assignRole ?? null, assigneeId: null, severity: null,
  };
  try {
    snapshot.data = validateForm(type, wf.form, input.create.data, (form) => ({ data: form, config: type.settings }));
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
    // clocks that ran out before this step: overdue, escalated like the scheduled job does
    for (const c of clocks) {
      if (c.status === 'running' && new Date(c.dueAt) < at) {
        c.status = 'overdue';
        const to = escalationTarget(wf, c.key, config.reportsTo, snapshot.assigneeRole ?? null);
        c.escalatedTo = to;
        if (to) snapshot.assigneeRole = to;
      }
    }
    const t = wf.transitions[step.transition];
    try {
      if (!t) throw new WuyeError('WUYE_VALIDATION', 400, `unknown transition "${step.transition}"`, [{ pointer: '/transition', code: 'unknown', message: 'no such transition' }]);
      if (!t.from.includes(snapshot.state)) throw new WuyeError('WUYE_REFUSED', 422, `"${step.transition}" cannot be taken from state "${snapshot.state}" (allowed from: ${t.from.join(', ')})`);
      const role = t.roles[0] ?? null;
      const actor = { staffId: null, role, roles: role ? [role] : [] };
      const formData = t.form ? validateForm(type, t.form, step.data ?? {}, (form) => ({ data: { ...snapshot.data, ...form }, case: snapshot, actor, config: type.settings })) : {};
      const plan = withRuleEnvironment(caseRuleEnvironment(config, at), () => planTransition(type, config, snapshot, step.transition, formData, actor));
      snapshot.state = plan.target;
      snapshot.data = plan.data;
      snapshot.severity = plan.severity;
      snapshot.assigneeRole = plan.assigneeRole;
      const stopping = clocksStoppingOn(wf, plan.target);
      for (const c of clocks) {
        if (c.metAt === null && (stopping === 'all' || stopping.has(c.key))) {
          c.metAt = at.toISOString();
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
          c.pausedAt = at.toISOString();
        } else if (change === 'resume') {
          c.dueAt = resumedDue(new Date(c.dueAt), new Date(c.pausedAt ?? at.toISOString()), at).toISOString();
          c.status = 'running';
          c.pausedAt = null;
        }
      }
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
