/**
 * What a transition does to a case, decided without touching the database: the guard, the target
 * state (branches), the effects on data and assignment, whether a follow-up is due. The case
 * service applies a plan inside its transaction; the configuration dry run applies plans in
 * memory to show an admin what a changed workflow would do.
 */
import type { CompiledCaseType, CompiledConfig } from '../config/compiled-config.js';
import { RuleRefusedError } from '../errors.js';
import { prepareRuleContext, truthy, type CompiledRule, type PreparedRuleContext } from '../rules/index.js';
import { ruleContext } from './rule-context.js';

/** The parts of a case a plan reads. */
export interface CaseSnapshot {
  id: number;
  serial: string;
  caseType: string;
  state: string;
  projectId: number;
  unitId?: number | null;
  personId?: number | null;
  assigneeRole?: string | null;
  assigneeId?: number | null;
  createdAt: Date;
  severity?: string | null;
  data: Record<string, unknown>;
}

export interface PlanActor {
  staffId: number | null;
  /** the role the action is taken in */
  role: string | null;
  roles: string[];
}

export interface TransitionPlan {
  fromState: string;
  target: string;
  /** case data after the form and the set effects */
  data: Record<string, unknown>;
  severity: string | null;
  title: string | null;
  assigneeRole: string | null;
  assigneeId: number | null;
  final: boolean;
  followUp: boolean;
  /** built-in effects applied, for the event log */
  applied: Record<string, unknown>[];
  /** plugin effects to run, in order, with the plan's data */
  pluginEffects: { type: string; params: Record<string, unknown> }[];
  /** the assignee was named in a form field (assign effect's staffField): core/assignment checks them */
  namedBy?: { field: string } | null;
}

const BUILT_IN = new Set(['set', 'assign', 'followUp']);

export function planTransition(type: CompiledCaseType, config: CompiledConfig, snapshot: CaseSnapshot, transitionId: string, formData: Record<string, unknown>, actor: PlanActor): TransitionPlan {
  const wf = type.workflow;
  const t = wf.transitions[transitionId]!;
  const data: Record<string, unknown> = { ...snapshot.data, ...formData };
  const ruleActor = { staffId: actor.staffId ?? 0, roles: actor.roles };
  // one copy of the context while the data stays the same; a set effect changes it
  let prepared: PreparedRuleContext | null = null;
  const run = (rule: CompiledRule, what: string) => {
    try {
      prepared ??= prepareRuleContext(ruleContext(snapshot, data, ruleActor, type.settings));
      return rule.evaluate(prepared);
    } catch (e) {
      // a rule that cannot be evaluated on this data refuses the action rather than guessing
      throw new RuleRefusedError(`${what} could not be evaluated: ${(e as Error).message}`);
    }
  };

  const guard = type.logic.get(`transitions/${transitionId}/guard`);
  if (guard && !truthy(run(guard, `the guard of ${transitionId}`))) {
    const msg = t.guardMessage?.['zh-CN'] ? `${t.guardMessage['zh-CN']}${t.guardMessage.en ? ` / ${t.guardMessage.en}` : ''}` : `the conditions of "${transitionId}" are not met`;
    throw new RuleRefusedError(msg, [{ pointer: t.guardField ? `/data/${t.guardField}` : '/data', code: 'guard', message: msg, params: { transition: transitionId, ...(t.guardMessage?.['zh-CN'] ? { 'zh-CN': t.guardMessage['zh-CN'], en: t.guardMessage.en ?? null } : {}) } }]);
  }
  let target = t.to;
  for (let i = 0; i < (t.branches ?? []).length; i++) {
    if (truthy(run(type.logic.get(`transitions/${transitionId}/branches/${i}`)!, `branch ${i} of ${transitionId}`))) {
      target = t.branches![i]!.to;
      break;
    }
  }

  let assigneeRole = wf.states[target]?.assignRole ?? snapshot.assigneeRole ?? null;
  // a named staff member keeps the case while it stays with their role (picked up → in progress)
  let assigneeId = wf.states[target]?.assignRole && wf.states[target]?.assignRole !== snapshot.assigneeRole ? null : (snapshot.assigneeId ?? null);
  let namedBy: TransitionPlan['namedBy'] = null;
  let followUp = false;
  const applied: Record<string, unknown>[] = [];
  const pluginEffects: TransitionPlan['pluginEffects'] = [];
  for (const [i, effect] of (t.effects ?? []).entries()) {
    const when = type.logic.get(`transitions/${transitionId}/effects/${i}/when`);
    if (when && !truthy(run(when, `the condition of effect ${i} of ${transitionId}`))) continue;
    if (!BUILT_IN.has(effect.type)) {
      pluginEffects.push({ type: effect.type, params: effect.params ?? {} });
    } else if (effect.type === 'set') {
      const value = effect.rule ? run(type.rules.get(effect.rule)!, `rule ${effect.rule}`) : run(type.logic.get(`transitions/${transitionId}/effects/${i}`)!, `effect ${i} of ${transitionId}`);
      // a set effect fills a field the form left empty, unless declared to overwrite it
      const current = data[effect.field!];
      if (effect.overwrite || current === undefined || current === null || current === '') {
        data[effect.field!] = value;
        prepared = null;
        applied.push({ set: effect.field, value });
      }
    } else if (effect.type === 'assign') {
      if (effect.staffField) {
        // named dispatch: the staff member picked in the form (empty: the role's queue and the rules)
        const named = data[effect.staffField];
        assigneeRole = effect.role ?? wf.states[target]?.assignRole ?? assigneeRole;
        assigneeId = null;
        if (named !== undefined && named !== null && named !== '') {
          assigneeId = named as number;
          namedBy = { field: effect.staffField };
        }
      } else if (effect.to === 'actor') {
        assigneeId = actor.staffId;
        assigneeRole = actor.role;
      } else if (effect.rule) {
        const role = run(type.rules.get(effect.rule)!, `rule ${effect.rule}`);
        if (typeof role !== 'string' || !config.roles.has(role)) {
          throw new RuleRefusedError(`rule ${effect.rule} chose "${String(role)}", which is not a role of this company`);
        }
        assigneeRole = role;
        assigneeId = null;
      } else {
        assigneeRole = effect.role!;
        assigneeId = null;
      }
      applied.push({ assign: assigneeRole, staffId: assigneeId });
    } else {
      followUp = true;
    }
  }
  const text = (v: unknown) => (v === undefined || v === null ? null : String(v));
  // the severity, or the category a workflow without one grades its deadlines by (categoryField)
  const gradeField = wf.severityField ?? wf.categoryField;
  const final = wf.states[target]?.final === true;
  // a closed case is nobody's work any more (unless its final state names a role on purpose)
  if (final && !wf.states[target]?.assignRole) {
    assigneeRole = null;
    assigneeId = null;
  }
  return {
    fromState: snapshot.state,
    target,
    data,
    severity: gradeField ? text(data[gradeField]) : null,
    title: wf.titleField ? text(data[wf.titleField])?.slice(0, 200) ?? null : (snapshot as { title?: string | null }).title ?? null,
    assigneeRole,
    assigneeId,
    final,
    followUp,
    applied,
    pluginEffects,
    namedBy: final && !wf.states[target]?.assignRole ? null : namedBy,
  };
}
