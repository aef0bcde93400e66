/**
 * Cases: create, transition, read. Each change writes the case row, its event and its clocks in
 * one transaction; a stale version is refused (409), never silently overwritten.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { CaseDeadline, CaseEvent, FollowUp, WorkCase } from '../db/entities/index.js';
import { ForbiddenError, NotFoundError, RuleRefusedError, StaleVersionError, ValidationError, type WuyeError } from '../errors.js';
import { validateFormData } from '../config/validate-form-data.js';
import type { Principal } from '../auth/sessions.js';
import type { ConfigService } from '../config/config-service.js';
import type { CompiledCaseType, CompiledConfig } from '../config/compiled-config.js';
import type { ProjectDirectory } from '../registry/project-directory.js';
import type { ExtensionRegistry } from '../extensions.js';
import { followUpDeadline } from '../workflow/follow-up-policy.js';
import { pauseChange, resumedDue } from '../workflow/clocks.js';
import { createCaseIn } from './orm-case-store.js';
import { setUnitStatusIn } from '../registry/unit-status.js';
import { assertAttachmentsExist, attachmentRefs } from './attachment-refs.js';
import { addDuration } from '../calendar/index.js';
import { clocksStartingOn, clocksStoppingOn } from '../workflow/clocks.js';
import { ruleContext } from '../workflow/rule-context.js';
import { planTransition } from '../workflow/plan-transition.js';
import { caseRuleEnvironment } from '../workflow/case-rule-environment.js';
import { withRuleEnvironment } from '../rules/index.js';
import { AutoAssign } from '../assignment/auto-assign.js';
import { actingRoleFor, canSeeProject } from './access.js';
import type { CaseStore, NewCasePlan, RefProblem } from './case-store.js';
import type { TransitionStore } from './transition-store.js';
import { TransitionFastPath } from './transition-fast-path.js';
import type { CaseContext } from './case-context.js';
import { afterCaseClosed } from './convert-case.js';
import { caseHousehold, householdFieldError } from './case-household.js';

export type { CaseContext } from './case-context.js';

export interface CreateCaseInput {
  projectId: number;
  unitId?: number | null;
  personId?: number | null;
  data: unknown;
}

export interface TransitionInput {
  version: number;
  data?: unknown;
}

/** The actor of a change: a staff member, or the platform itself (jobs). */
export interface Actor {
  staffId: number | null;
  role: string | null;
  roles: string[];
}

export class CaseService {
  constructor(
    private readonly orm: MikroORM,
    private readonly configs: ConfigService,
    private readonly projects: ProjectDirectory,
    private readonly extensions: ExtensionRegistry,
    private readonly now: () => Date,
    private readonly store: CaseStore,
    transitions?: TransitionStore,
  ) {
    this.#fastPath = transitions ? new TransitionFastPath(orm, this, transitions, now) : undefined;
  }

  /** staff transitions without the ORM (transition-fast-path.ts), when the kernel gave a store */
  readonly #fastPath: TransitionFastPath | undefined;
  #fastOn = true;
  /** Off: every staff transition through the ORM transaction (a test compares the two paths). */
  useFastTransitions(on: boolean): void {
    this.#fastOn = on;
  }

  #autoAssign: AutoAssign | undefined;
  /** named dispatch and the company's assignment rules (core/assignment) */
  get autoAssign(): AutoAssign {
    return (this.#autoAssign ??= new AutoAssign(this.orm, this.configs, this.projects, this.now));
  }

  /** The configuration new cases of a project use right now. */
  async configForNewCase(principal: Principal, projectId: number): Promise<CompiledConfig> {
    const project = await this.projects.get(principal.companyId, projectId);
    if (!project) throw new NotFoundError('project');
    const version = await this.configs.current(principal.companyId, this.now());
    const config = await this.configs.compiledFor(principal.companyId, version.id, project.code);
    if (!canSeeProject(principal, config, projectId)) throw new NotFoundError('project');
    return config;
  }

  /** The company-level configuration in force now (no project layer). Inside a transaction pass its `em`. */
  async configForCompany(principal: Principal, em?: EntityManager): Promise<CompiledConfig> {
    const version = await this.configs.current(principal.companyId, this.now(), em);
    return this.configs.compiledFor(principal.companyId, version.id, null, em);
  }

  async create(principal: Principal, caseType: string, input: CreateCaseInput): Promise<CaseContext> {
    const config = await this.configForNewCase(principal, input.projectId);
    const type = config.caseTypes.get(caseType);
    if (!type) throw new NotFoundError(`case type ${caseType}`);
    const role = actingRoleFor(principal, config, type.workflow.createRoles);
    if (!role) throw new ForbiddenError(`your roles (${principal.roles.join(', ')}) may not register a ${caseType}; allowed: ${type.workflow.createRoles.join(', ')}`);
    const actorRoles = [...config.actingRoles(principal.roles)];
    const data = this.validateForm(config, type, type.workflow.form, input.data, '/data', (form) => ({
      data: form, case: { caseType, projectId: input.projectId, unitId: input.unitId ?? null, personId: input.personId ?? null },
      actor: { staffId: principal.staffId, roles: actorRoles }, config: type.settings,
    }));

    await this.checkAttachments(null, principal.companyId, type, type.workflow.form, data, '/data');
    const own = caseHousehold(type.workflow, data, input);
    const plan = this.newCasePlan(config, type, { companyId: principal.companyId, projectId: input.projectId, unitId: own.unitId, personId: own.personId, createdBy: principal.staffId, actorRole: role }, data);
    const result = await this.store.createCase(plan);
    if (!result.ok) throw householdFieldError(result.problem, own, '/data') ?? refProblemError(result.problem);
    const now = plan.createdAt;
    // A plain object shaped like the entity: the row is already written, nothing for the ORM to track.
    const row: WorkCase = {
      id: result.id, companyId: plan.companyId, caseType, serial: result.serial, projectId: plan.projectId, buildingId: result.buildingId,
      unitId: plan.unitId, personId: plan.personId, state: plan.state, data, severity: plan.severity, title: plan.title, assigneeRole: plan.assigneeRole,
      assigneeId: null, configVersionId: plan.configVersionId, version: 1, nextDueAt: result.nextDueAt, overdue: false,
      createdAt: now, updatedAt: now, createdBy: principal.staffId, closedAt: null,
    };
    await this.autoAssign.afterCreate(row, config);
    return { row, config, type, access: config };
  }

  private newCasePlan(
    config: CompiledConfig, type: CompiledCaseType,
    who: { companyId: number; projectId: number; unitId: number | null; personId: number | null; createdBy: number; actorRole: string | null },
    data: Record<string, unknown>,
  ): NewCasePlan {
    const now = this.now();
    const wf = type.workflow;
    // the severity, or the category a workflow without one grades its deadlines by (categoryField)
    const gradeField = wf.severityField ?? wf.categoryField;
    const severity = gradeField ? asText(data[gradeField]) : null;
    return {
      ...who,
      caseType: type.caseType,
      serialPrefix: wf.serialPrefix,
      serialYear: config.calendar.localYear(now),
      state: wf.initialState,
      data,
      severity,
      title: wf.titleField ? asText(data[wf.titleField])?.slice(0, 200) ?? null : null,
      assigneeRole: wf.initialAssignRole ?? wf.states[wf.initialState]?.assignRole ?? null,
      configVersionId: config.versionId,
      createdAt: now,
      clocks: clocksStartingOn(wf, wf.initialState, severity, now, config.calendar),
    };
  }

  /**
   * Opens another case inside the caller's transaction — a workflow effect turning each defect of a
   * move-in inspection into a repair work order. The new case uses the configuration in force for
   * its project, its registration form is validated like a staff member's, and it rolls back with
   * the transition that opened it. The workflow author decides who may cause it (the transition's
   * roles), so the new case type's createRoles do not apply.
   */
  async openCaseIn(em: EntityManager, caseType: string, input: CreateCaseInput & { companyId: number; createdBy: number; actorRoles: string[] }): Promise<{ id: number; serial: string }> {
    const project = await this.projects.get(input.companyId, input.projectId, em);
    if (!project) throw new NotFoundError('project');
    const version = await this.configs.current(input.companyId, this.now(), em);
    const config = await this.configs.compiledFor(input.companyId, version.id, project.code, em);
    const type = config.caseTypes.get(caseType);
    if (!type) throw new NotFoundError(`case type ${caseType}`);
    const data = this.validateForm(config, type, type.workflow.form, input.data, `/opened/${caseType}/data`, (form) => ({
      data: form, case: { caseType, projectId: input.projectId, unitId: input.unitId ?? null, personId: input.personId ?? null },
      actor: { staffId: input.createdBy, roles: input.actorRoles }, config: type.settings,
    }));
    await this.checkAttachments(em, input.companyId, type, type.workflow.form, data, `/opened/${caseType}/data`);
    const own = caseHousehold(type.workflow, data, input);
    const plan = this.newCasePlan(config, type, {
      companyId: input.companyId, projectId: input.projectId, unitId: own.unitId, personId: own.personId, createdBy: input.createdBy, actorRole: null,
    }, data);
    const result = await createCaseIn(em, plan);
    if (!result.ok) throw householdFieldError(result.problem, own, `/opened/${caseType}/data`) ?? refProblemError(result.problem);
    await em.flush();
    await this.autoAssign.inTransaction(em, result.id, input.companyId, config);
    return { id: result.id, serial: result.serial };
  }

  /**
   * Takes a transition as the platform (a plugin's scheduled job: a renovation whose deposit was not
   * topped up in time stops work). Role checks do not apply; `system` transitions may be taken.
   */
  async systemTransition(companyId: number, caseType: string, id: number, transitionId: string, data?: Record<string, unknown>): Promise<WorkCase> {
    return this.orm.em.fork().transactional(async (em) => {
      const row = await em.findOne(WorkCase, { id, companyId, caseType });
      if (!row) throw new NotFoundError(caseType);
      const config = await this.configFor(row, em);
      const type = config.caseTypes.get(caseType);
      if (!type) throw new NotFoundError(`case type ${caseType}`);
      if (!type.workflow.transitions[transitionId]) throw new NotFoundError(`transition ${transitionId}`);
      return this.applyTransition(em, { row, config, type, access: config }, transitionId, { version: row.version, data }, { staffId: null, role: null, roles: [] });
    });
  }

  /** Loads a case the principal may see, with the configuration it was opened under. */
  async load(principal: Principal, caseType: string, id: number, em?: EntityManager): Promise<CaseContext> {
    const row = await (em ?? this.orm.em.fork()).findOne(WorkCase, { id, companyId: principal.companyId, caseType });
    if (!row) throw new NotFoundError(caseType);
    const config = await this.configFor(row, em);
    // roles and project visibility follow today's configuration; the workflow stays the case's own
    const access = await this.configForCompany(principal, em);
    if (!canSeeProject(principal, access, row.projectId)) throw new NotFoundError(caseType);
    const type = config.caseTypes.get(caseType);
    if (!type) throw new NotFoundError(`case type ${caseType}`);
    return { row, config, type, access };
  }

  /** The configuration a case was opened under. Inside a transaction pass its `em`. */
  async configFor(row: WorkCase, em?: EntityManager): Promise<CompiledConfig> {
    const project = await this.projects.get(row.companyId, row.projectId, em);
    return this.configs.compiledFor(row.companyId, row.configVersionId!, project?.code ?? null, em);
  }

  /** Transitions the principal's roles may take from the case's current state. */
  availableTransitions(principal: Principal, ctx: CaseContext): string[] {
    const acting = ctx.access.actingRoles(principal.roles);
    return Object.entries(ctx.type.workflow.transitions)
      .filter(([, t]) => !t.system && t.from.includes(ctx.row.state) && t.roles.some((r) => acting.has(r)))
      .map(([id]) => id);
  }

  /** Takes a transition; returns the case as changed, with the configurations it was judged by. */
  async transition(principal: Principal, caseType: string, id: number, transitionId: string, input: TransitionInput): Promise<CaseContext> {
    const fast = this.#fastOn && this.#fastPath && await this.#fastPath.take(principal, caseType, id, transitionId, input);
    if (fast) return fast;
    return this.orm.em.fork().transactional(async (em) => {
      const ctx = await this.load(principal, caseType, id, em);
      const t = ctx.type.workflow.transitions[transitionId];
      if (!t) throw new NotFoundError(`transition ${transitionId}`);
      if (t.system) throw new ForbiddenError(`${transitionId} is taken by the platform (e.g. by a follow-up result), not by staff`);
      const role = actingRoleFor(principal, ctx.access, t.roles);
      if (!role) throw new ForbiddenError(`your roles (${principal.roles.join(', ')}) may not take "${transitionId}"; allowed: ${t.roles.join(', ')}`);
      const actor: Actor = { staffId: principal.staffId, role, roles: [...ctx.access.actingRoles(principal.roles)] };
      const row = await this.applyTransition(em, ctx, transitionId, input, actor);
      return { ...ctx, row };
    });
  }

  /**
   * Applies a transition inside the caller's transaction. Used by staff transitions and by the
   * platform (follow-up results); role checks are the caller's job.
   */
  async applyTransition(em: EntityManager, ctx: CaseContext, transitionId: string, input: TransitionInput, actor: Actor, extraEventData: Record<string, unknown> = {}, eventType = 'transition'): Promise<WorkCase> {
    const { row, type, config } = ctx;
    const wf = type.workflow;
    const t = wf.transitions[transitionId]!;
    if (input.version !== row.version) throw new StaleVersionError(input.version, row.version);
    // Claim the version in the database: of two concurrent changes (PostgreSQL has many
    // connections) exactly one moves the row from this version; the other gets 409.
    const claimed = await em.nativeUpdate(WorkCase, { id: row.id, companyId: row.companyId, version: input.version }, { version: input.version + 1 });
    if (claimed === 0) throw new StaleVersionError(input.version, input.version + 1);
    if (!t.from.includes(row.state)) {
      throw new RuleRefusedError(`"${transitionId}" cannot be taken from state "${row.state}" (allowed from: ${t.from.join(', ')})`, [{ pointer: '/transition', code: 'invalid-state', message: `case is in state ${row.state}`, params: { state: row.state, transition: transitionId } }]);
    }
    let formData: Record<string, unknown> = {};
    const ruleActor = { staffId: actor.staffId ?? 0, roles: actor.roles };
    if (t.form) {
      formData = this.validateForm(config, type, t.form, input.data ?? {}, '/data', (form) => ruleContext(row, { ...row.data, ...form }, ruleActor, type.settings));
      await this.checkAttachments(em, row.companyId, type, t.form, formData, '/data');
    }
    else if (input.data !== undefined && !(isEmptyObject(input.data))) {
      throw new ValidationError([{ pointer: '/data', code: 'additionalProperties', message: `transition ${transitionId} takes no form data` }]);
    }
    // rules may read the company calendar, the clock and the plugins' settings (date.addWorkingDays, billing.rateOn)
    const plan = withRuleEnvironment(caseRuleEnvironment(config, this.now()), () => planTransition(type, config, row, transitionId, formData, actor));
    // plugin effects run with the plan's data and may change it
    for (const effect of plan.pluginEffects) {
      const handler = this.extensions.effects.get(effect.type);
      if (!handler) throw new Error(`effect ${effect.type} has no handler`);
      await handler({
        pluginId: type.pluginId, caseType: row.caseType, caseId: row.id, serial: row.serial, companyId: row.companyId, projectId: row.projectId, unitId: row.unitId ?? null,
        configVersionId: row.configVersionId ?? null, state: plan.target, data: plan.data, actor: { staffId: actor.staffId ?? 0, roles: actor.roles, role: actor.role },
        params: effect.params, now: this.now(), calendar: config.calendar, settingsOf: (id) => config.pluginSettings.get(id), em,
        openCase: (caseType, open) => this.openCaseIn(em, caseType, {
          companyId: row.companyId, projectId: open.projectId ?? row.projectId, unitId: open.unitId === undefined ? row.unitId ?? null : open.unitId,
          personId: open.personId === undefined ? row.personId ?? null : open.personId, data: open.data, createdBy: actor.staffId ?? 0, actorRoles: actor.roles,
        }),
        setUnitStatus: (status) => setUnitStatusIn(em, row.companyId, row.unitId ?? null, status),
      });
      plan.applied.push({ effect: effect.type });
    }
    const assigned = await this.autoAssign.onTransition(em, row, plan, ctx.access);

    const now = this.now();
    const fromState = row.state;
    const target = plan.target;
    row.state = target;
    row.data = plan.data;
    // plugin effects may have changed the data the severity and title come from
    const gradeField = wf.severityField ?? wf.categoryField;
    row.severity = gradeField ? asText(plan.data[gradeField]) : plan.severity;
    row.assigneeRole = plan.assigneeRole;
    row.assigneeId = plan.assigneeId;
    row.version = input.version + 1;
    row.updatedAt = now;
    if (plan.final) row.closedAt = now;
    row.title = wf.titleField ? asText(plan.data[wf.titleField])?.slice(0, 200) ?? null : plan.title;
    const applied = plan.applied;
    const followUpRequested = plan.followUp;

    em.create(CaseEvent, {
      companyId: row.companyId, caseId: row.id, type: eventType, transition: eventType === 'transition' ? transitionId : null, fromState, toState: target,
      actorId: actor.staffId, actorRole: actor.role, data: { ...formData, ...(applied.length ? { effects: applied } : {}), ...extraEventData }, createdAt: now,
    });
    this.autoAssign.log(em, row, assigned, now, actor);
    await this.stopClocks(em, row, type, target, now);
    await this.pauseOrResumeClocks(em, row, type, target, now);
    await em.flush();
    await this.startClocks(em, row, type, target, now, config);
    if (followUpRequested) this.scheduleFollowUp(em, row, type, config, now);
    await em.flush();
    await this.refreshDue(em, row);
    // a case another one waits for (a work order handed to this procedure): that one resumes now
    if (plan.final) await afterCaseClosed(this, em, row, now);
    return row;
  }

  private async startClocks(em: EntityManager, row: WorkCase, type: CompiledCaseType, state: string, now: Date, config: CompiledConfig): Promise<void> {
    const starts = clocksStartingOn(type.workflow, state, row.severity, now, config.calendar);
    if (starts.length === 0) return;
    // Re-entering a state (a self-loop, or back from escalation) keeps a clock that still runs.
    const running = new Set((await em.find(CaseDeadline, { caseId: row.id, companyId: row.companyId, metAt: null }, { fields: ['key'] })).map((d) => d.key));
    for (const s of starts) {
      if (running.has(s.key)) continue;
      em.create(CaseDeadline, {
        companyId: row.companyId, caseId: row.id, key: s.key, startedAt: s.startedAt, dueAt: s.dueAt, duration: s.duration,
        status: 'running', metAt: null, overdueAt: null, escalatedToRole: null, calendarGapYears: s.calendarGapYears,
      });
      if (!row.nextDueAt || s.dueAt < row.nextDueAt) row.nextDueAt = s.dueAt;
    }
  }

  private async stopClocks(em: EntityManager, row: WorkCase, type: CompiledCaseType, state: string, now: Date): Promise<void> {
    const stopping = clocksStoppingOn(type.workflow, state);
    if (stopping !== 'all' && stopping.size === 0) return;
    const running = await em.find(CaseDeadline, { caseId: row.id, companyId: row.companyId, status: { $in: ['running', 'paused', 'overdue'] }, metAt: null });
    for (const d of running) {
      if (stopping === 'all' || stopping.has(d.key)) {
        d.metAt = now;
        if (d.status === 'running' || d.status === 'paused') d.status = 'met';
        d.pausedAt = null;
      }
    }
  }

  /** Clocks pause in their pauseOn states (the case waits on someone else) and resume on leaving them. */
  private async pauseOrResumeClocks(em: EntityManager, row: WorkCase, type: CompiledCaseType, state: string, now: Date): Promise<void> {
    if (!Object.values(type.workflow.deadlines ?? {}).some((d) => d.pauseOn?.length)) return;
    const open = await em.find(CaseDeadline, { caseId: row.id, companyId: row.companyId, status: { $in: ['running', 'paused'] }, metAt: null });
    for (const d of open) {
      const change = pauseChange(type.workflow, d.key, d.status, state);
      if (change === 'pause') {
        d.status = 'paused';
        d.pausedAt = now;
      } else if (change === 'resume') {
        d.dueAt = resumedDue(d.dueAt, d.pausedAt ?? now, now);
        d.status = 'running';
        d.pausedAt = null;
      }
    }
  }

  /** nextDueAt and overdue follow the clocks still running. */
  async refreshDue(em: EntityManager, row: WorkCase): Promise<void> {
    const open = await em.find(CaseDeadline, { caseId: row.id, companyId: row.companyId, metAt: null }, { orderBy: { dueAt: 'asc' } });
    const pending = open.filter((d) => d.status === 'running' || d.status === 'overdue');
    row.nextDueAt = pending[0]?.dueAt ?? null;
    row.overdue = pending.some((d) => d.status === 'overdue');
    await em.flush();
  }

  private scheduleFollowUp(em: EntityManager, row: WorkCase, type: CompiledCaseType, config: CompiledConfig, now: Date): void {
    const { followUp, event } = followUpFor(row, type, config, now);
    em.create(FollowUp, {
      companyId: row.companyId, caseId: row.id, caseType: row.caseType, projectId: row.projectId, ...followUp,
      status: 'due', satisfied: null, onSite: null, result: null, doneAt: null, doneBy: null, createdAt: now,
    });
    em.create(CaseEvent, { companyId: row.companyId, caseId: row.id, ...event, createdAt: now });
  }

  /**
   * Validates form data against the compiled form (ajv), then applies the form's UI rules the way
   * the browser does: computed values are recomputed, hidden fields must be empty, required-if
   * fields present. `context` builds the rule context around the form (case data, actor, config).
   */
  /** Attachment fields must name files uploaded to the company (the format only checks the id's shape). */
  /** `em` null: a fresh one, forked only when the data names attachments (most forms have none). */
  async checkAttachments(em: EntityManager | null, companyId: number, type: CompiledCaseType, form: string, data: Record<string, unknown>, basePointer: string): Promise<void> {
    const schema = type.forms.get(form);
    if (!schema) return;
    const refs = attachmentRefs(schema as never, data, basePointer);
    if (refs.length) await assertAttachmentsExist(em ?? this.orm.em.fork(), companyId, refs);
  }

  /** The form's rules run in the case's rule environment (its configuration's calendar and settings, this service's clock). */
  validateForm(config: CompiledConfig, type: CompiledCaseType, form: string, value: unknown, basePointer: string, context?: (form: Record<string, unknown>) => Record<string, unknown>): Record<string, unknown> {
    return validateFormData(type, form, value, basePointer, caseRuleEnvironment(config, this.now()), context);
  }


}

/** The follow-up a case (already in its new state, with its new data) is owed, and its event. */
export function followUpFor(row: Pick<WorkCase, 'severity' | 'data' | 'state'>, type: CompiledCaseType, config: CompiledConfig, now: Date) {
  const policy = type.workflow.followUp!;
  const severity = row.severity ?? '';
  const method = policy.methodBySeverity?.[severity] ?? policy.method;
  const roles = policy.rolesBySeverity?.[severity] ?? policy.roles;
  const dueAt = addDuration(now, followUpDeadline(policy, severity, row.data), config.calendar);
  return {
    followUp: { dueAt, method, roles },
    event: {
      type: 'followUpScheduled', transition: null, fromState: row.state, toState: row.state,
      actorId: null, actorRole: null, data: { dueAt: dueAt.toISOString(), method, roles, requiredRate: policy.requiredRate },
    },
  };
}

function refProblemError(problem: RefProblem): WuyeError {
  switch (problem) {
    case 'unit-not-found': return new NotFoundError('unitId: unit (in this project)');
    case 'person-not-found': return new NotFoundError('personId: resident (of this project)');
    case 'person-not-linked': return new ValidationError([{ pointer: '/personId', code: 'not-linked', message: 'the person is not an owner, occupant or agent of the unit' }]);
  }
}

function asText(v: unknown): string | null {
  return v === undefined || v === null ? null : String(v);
}

function isEmptyObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;
}
