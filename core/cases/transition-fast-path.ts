/**
 * A staff transition without the ORM: one read of the case (with its open clocks), the decisions in
 * memory — the same checks, in the same order, with the same answers as CaseService.applyTransition —
 * and one write through the dialect's TransitionStore (transition-store.ts), which claims the
 * version the decisions were made on (409 when another change took it; nothing written).
 *
 * What the stores cannot do goes the ORM way (`null` is returned before anything is written, and
 * the caller runs the ORM transaction from the start):
 *  - a transition that runs a plugin effect (plugin code runs on the ORM's EntityManager; a
 *    conditional one only when its `when` holds for this case);
 *  - closing a case another case waits for (the handed-over case resumes: convert-case.ts);
 *  - a case offered to assignment rules of which one picks by round robin (its turn is a counter
 *    written in the transaction).
 * Everything else — guard, branches, set / assign / followUp effects, named dispatch, assignment
 * rules, clocks, events — is done here.
 */
import type { WorkflowDeclaration } from '../../schemas/generated/workflow.js';
import type { Principal } from '../auth/sessions.js';
import { ForbiddenError, NotFoundError, RuleRefusedError, StaleVersionError, ValidationError } from '../errors.js';
import { planTransition } from '../workflow/plan-transition.js';
import { caseRuleEnvironment } from '../workflow/case-rule-environment.js';
import { ruleContext } from '../workflow/rule-context.js';
import { withRuleEnvironment } from '../rules/index.js';
import { assignedEvent } from '../assignment/auto-assign.js';
import type { MikroORM } from '@mikro-orm/core';
import type { WorkCase } from '../db/entities/index.js';
import { actingRoleFor, canSeeProject } from './access.js';
import type { CaseContext } from './case-context.js';
import { followUpFor, type Actor, type CaseService, type TransitionInput } from './case-service.js';
import { planClockChanges } from './transition-clocks.js';
import type { NewEvent, TransitionStore } from './transition-store.js';

const BUILT_IN_EFFECTS = new Set(['set', 'assign', 'followUp']);

/**
 * Per workflow, compiled once: the transitions that always run a plugin effect (one without a
 * `when`). One whose plugin effects are conditional is decided by the plan (pluginEffects): a
 * minor complaint's classify stays here, a major one — reported to the director — goes the ORM way.
 */
const pluginEffectTransitions = new WeakMap<WorkflowDeclaration, Set<string>>();
export function declaresPluginEffect(wf: WorkflowDeclaration, transitionId: string): boolean {
  let known = pluginEffectTransitions.get(wf);
  if (!known) {
    known = new Set(Object.entries(wf.transitions).filter(([, t]) => (t.effects ?? []).some((e) => !BUILT_IN_EFFECTS.has(e.type) && e.when === undefined)).map(([id]) => id));
    pluginEffectTransitions.set(wf, known);
  }
  return known.has(transitionId);
}

export class TransitionFastPath {
  constructor(
    private readonly orm: MikroORM,
    private readonly cases: CaseService,
    private readonly store: TransitionStore,
    private readonly now: () => Date,
  ) {}

  /** The changed case, or null when this transition must go the ORM way (nothing was written). */
  async take(principal: Principal, caseType: string, id: number, transitionId: string, input: TransitionInput): Promise<CaseContext | null> {
    const stored = await this.store.readCase(principal.companyId, caseType, id);
    if (!stored) throw new NotFoundError(caseType);
    const { row } = stored;
    // as CaseService.load: the case's own configuration; roles and visibility from today's
    const config = await this.cases.configFor(row);
    const access = await this.cases.configForCompany(principal);
    if (!canSeeProject(principal, access, row.projectId)) throw new NotFoundError(caseType);
    const type = config.caseTypes.get(caseType);
    if (!type) throw new NotFoundError(`case type ${caseType}`);
    const wf = type.workflow;
    const t = wf.transitions[transitionId];
    if (!t) throw new NotFoundError(`transition ${transitionId}`);
    if (t.system) throw new ForbiddenError(`${transitionId} is taken by the platform (e.g. by a follow-up result), not by staff`);
    const role = actingRoleFor(principal, access, t.roles);
    if (!role) throw new ForbiddenError(`your roles (${principal.roles.join(', ')}) may not take "${transitionId}"; allowed: ${t.roles.join(', ')}`);
    if (declaresPluginEffect(wf, transitionId)) return null;
    const actor: Actor = { staffId: principal.staffId, role, roles: [...access.actingRoles(principal.roles)] };

    if (input.version !== row.version) throw new StaleVersionError(input.version, row.version);
    if (!t.from.includes(row.state)) {
      throw new RuleRefusedError(`"${transitionId}" cannot be taken from state "${row.state}" (allowed from: ${t.from.join(', ')})`, [{ pointer: '/transition', code: 'invalid-state', message: `case is in state ${row.state}`, params: { state: row.state, transition: transitionId } }]);
    }
    let formData: Record<string, unknown> = {};
    if (t.form) {
      const ruleActor = { staffId: actor.staffId ?? 0, roles: actor.roles };
      formData = this.cases.validateForm(config, type, t.form, input.data ?? {}, '/data', (form) => ruleContext(row, { ...row.data, ...form }, ruleActor, type.settings));
      await this.cases.checkAttachments(null, row.companyId, type, t.form, formData, '/data');
    } else if (input.data !== undefined && !isEmptyObject(input.data)) {
      throw new ValidationError([{ pointer: '/data', code: 'additionalProperties', message: `transition ${transitionId} takes no form data` }]);
    }
    const now = this.now();
    const plan = withRuleEnvironment(caseRuleEnvironment(config, now), () => planTransition(type, config, row, transitionId, formData, actor));
    if (plan.pluginEffects.length > 0) return null;
    if (plan.final && stored.waitedOn) return null;
    // the assignment rules run as in the ORM path, reading outside the write (they write only a round-robin turn)
    const offeredToRules = !plan.namedBy && plan.assigneeId == null && plan.assigneeRole && !plan.final;
    if (offeredToRules && (await this.cases.autoAssign.section(row.companyId))?.rules?.some((r) => r.pick === 'roundRobin')) return null;
    const assigned = plan.namedBy || offeredToRules ? await this.cases.autoAssign.onTransition(this.orm.em.fork(), row, plan, access) : null;

    const gradeField = wf.severityField ?? wf.categoryField;
    const severity = gradeField ? asText(plan.data[gradeField]) : plan.severity;
    const title = wf.titleField ? asText(plan.data[wf.titleField])?.slice(0, 200) ?? null : plan.title;
    const clocks = planClockChanges(wf, stored.openClocks, plan.target, severity, now, config.calendar);
    const changed: WorkCase = {
      ...row, state: plan.target, data: plan.data, severity, title, assigneeRole: plan.assigneeRole, assigneeId: plan.assigneeId,
      version: input.version + 1, updatedAt: now, closedAt: plan.final ? now : row.closedAt ?? null, nextDueAt: clocks.nextDueAt, overdue: clocks.overdue,
    };
    const events: NewEvent[] = [{
      type: 'transition', transition: transitionId, fromState: row.state, toState: plan.target, actorId: actor.staffId, actorRole: actor.role,
      data: { ...formData, ...(plan.applied.length ? { effects: plan.applied } : {}) },
    }];
    if (assigned) events.push(assignedEvent(plan.target, assigned, actor));
    let followUp = null;
    if (plan.followUp) {
      const f = followUpFor(changed, type, config, now);
      followUp = { caseType: row.caseType, projectId: row.projectId, ...f.followUp };
      events.push(f.event);
    }
    const written = await this.store.writeTransition({
      companyId: row.companyId, caseId: row.id, fromVersion: input.version, at: now,
      row: {
        state: changed.state, data: changed.data, severity, title, assigneeRole: changed.assigneeRole ?? null, assigneeId: changed.assigneeId ?? null,
        closedAt: changed.closedAt ?? null, nextDueAt: clocks.nextDueAt, overdue: clocks.overdue,
      },
      stop: clocks.stop, pause: clocks.pause, resume: clocks.resume, start: clocks.start, events, followUp,
    });
    if (!written) throw new StaleVersionError(input.version, input.version + 1);
    return { row: changed, config, type, access };
  }
}

function asText(v: unknown): string | null {
  return v === undefined || v === null ? null : String(v);
}

function isEmptyObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;
}
