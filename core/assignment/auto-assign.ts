/**
 * The case service's assignment hook. On registration and on every transition:
 *  - a staff member named in a form field by an `assign` effect (`staffField`, named dispatch) is
 *    checked — active, of the company, working in the case's project, acting in the role the case
 *    goes to — else the step is refused (422 naming the field) and nothing is written;
 *  - a case that goes to a role's queue with nobody named is offered to the company's assignment
 *    rules (configuration in force now); the first matching rule names a staff member, or the case
 *    stays in the role's queue as before.
 * Every naming is an `assigned` event (from, to, by: form | rule) in the case's log.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { CaseEvent, WorkCase } from '../db/entities/index.js';
import { RuleRefusedError } from '../errors.js';
import type { ConfigService } from '../config/config-service.js';
import type { CompiledConfig } from '../config/compiled-config.js';
import type { ProjectDirectory } from '../registry/project-directory.js';
import type { TransitionPlan } from '../workflow/plan-transition.js';
import { nextSerialValue } from '../cases/serials.js';
import { chooseAssignee, ruleKey, type AssignmentPick, type AssignmentSection, type Turns } from './rules.js';
import { eligibleCandidates, ineligibility, loadStaff } from './eligibility.js';

type RoleGraph = Pick<CompiledConfig, 'roles' | 'actingRoles'>;

/** What to log once the transition's own event is written. */
export interface PendingAssignment {
  from: number | null;
  to: number;
  toName: string;
  role: string | null;
  by: 'form' | 'rule';
  field?: string;
  rule?: number | null;
  ruleTitle?: string | null;
}

export class AutoAssign {
  constructor(
    private readonly orm: MikroORM,
    private readonly configs: ConfigService,
    private readonly projects: ProjectDirectory,
    private readonly now: () => Date,
  ) {}

  /** The company's assignment section in force now. */
  async section(companyId: number, em?: EntityManager): Promise<AssignmentSection | undefined> {
    const version = await this.configs.current(companyId, this.now(), em);
    return (await this.configs.documentOf(companyId, version.id, em)).assignment;
  }

  /** Round robin's turns, read once per decision; the rule that picks advances its own. */
  private async turns(em: EntityManager, companyId: number, section: AssignmentSection | undefined): Promise<Turns> {
    const keys = (section?.rules ?? []).filter((r) => r.pick === 'roundRobin').map(ruleKey);
    const known = new Map<string, number>();
    if (keys.length) {
      const rows = await em.getConnection().execute<{ key: string; value: number }[]>(
        `select key, value from counter where company_id = ? and key in (${keys.map(() => '?').join(', ')})`, [companyId, ...keys], 'all', em.getTransactionContext(),
      );
      for (const r of rows) known.set(r.key, Number(r.value));
    }
    return { next: (key) => known.get(key) ?? 0 };
  }

  /** Runs the rules for a case (no write but round robin's turn). */
  async pick(em: EntityManager, access: RoleGraph, c: { companyId: number; caseType: string; projectId: number; buildingId: number | null; data: Record<string, unknown>; role: string }): Promise<AssignmentPick> {
    const section = await this.section(c.companyId, em);
    if (!section?.rules?.length) return { staffId: null, staffName: null, rule: null, trials: [] };
    const project = await this.projects.get(c.companyId, c.projectId, em);
    const candidates = await eligibleCandidates(em, access, c.companyId, c.projectId, c.role);
    const result = chooseAssignee(section, { ...c, projectCode: project?.code ?? null }, candidates, await this.turns(em, c.companyId, section));
    const rule = result.rule !== null ? section.rules[result.rule] : undefined;
    if (rule?.pick === 'roundRobin') await nextSerialValue(em, c.companyId, ruleKey(rule));
    return result;
  }

  /**
   * Inside a transition, after the plan: checks a staff member named by a form, or lets the rules
   * name one. Changes the plan's assignee; returns what to log after the transition's event.
   */
  async onTransition(em: EntityManager, row: WorkCase, plan: TransitionPlan, access: RoleGraph): Promise<PendingAssignment | null> {
    if (plan.namedBy) {
      const pointer = `/data/${plan.namedBy.field}`;
      const id = plan.assigneeId;
      const [staff] = typeof id === 'number' && Number.isInteger(id) ? await loadStaff(em, row.companyId, [id]) : [];
      const why = staff ? ineligibility(access, staff, row.projectId, plan.assigneeRole) : 'unknown';
      if (!staff || why) throw notEligible(pointer, id, why ?? 'unknown', plan.assigneeRole, access);
      return row.assigneeId === staff.id ? null : { from: row.assigneeId ?? null, to: staff.id, toName: staff.name, role: plan.assigneeRole, by: 'form', field: plan.namedBy.field };
    }
    if (plan.assigneeId != null || !plan.assigneeRole || plan.final) return null;
    const picked = await this.pick(em, access, { companyId: row.companyId, caseType: row.caseType, projectId: row.projectId, buildingId: row.buildingId ?? null, data: plan.data, role: plan.assigneeRole });
    if (picked.staffId === null) return null;
    plan.assigneeId = picked.staffId;
    plan.applied.push({ assignedBy: 'rule', rule: picked.rule, staffId: picked.staffId });
    return { from: row.assigneeId ?? null, to: picked.staffId, toName: picked.staffName!, role: plan.assigneeRole, by: 'rule', rule: picked.rule, ruleTitle: picked.trials.at(-1)?.title ?? null };
  }

  /** Writes the `assigned` event of a naming decided in a transition. */
  log(em: EntityManager, row: WorkCase, pending: PendingAssignment | null, at: Date, actor: { staffId: number | null; role: string | null }): void {
    if (!pending) return;
    em.create(CaseEvent, { companyId: row.companyId, caseId: row.id, ...assignedEvent(row.state, pending, actor), createdAt: at });
  }

  /**
   * After a case was registered (its own transaction committed): the rules may name a staff member
   * of the role it waits on. The row passed in is updated to match.
   */
  async afterCreate(row: WorkCase, access: RoleGraph): Promise<void> {
    if (!row.assigneeRole || row.assigneeId != null || row.closedAt) return;
    // nothing to do (and no transaction) for a company without rules
    if (!(await this.section(row.companyId))?.rules?.length) return;
    await this.orm.em.fork().transactional(async (em) => {
      const picked = await this.pick(em, access, { companyId: row.companyId, caseType: row.caseType, projectId: row.projectId, buildingId: row.buildingId ?? null, data: row.data, role: row.assigneeRole! });
      if (picked.staffId === null) return;
      // only while nobody touched the new case (it is still at its first version, unassigned)
      const done = await em.nativeUpdate(WorkCase, { id: row.id, companyId: row.companyId, version: row.version, assigneeId: null }, { assigneeId: picked.staffId });
      if (done === 0) return;
      row.assigneeId = picked.staffId;
      this.log(em, row, { from: null, to: picked.staffId, toName: picked.staffName!, role: row.assigneeRole ?? null, by: 'rule', rule: picked.rule, ruleTitle: picked.trials.at(-1)?.title ?? null }, this.now(), { staffId: null, role: null });
    });
  }

  /** The case opened inside another case's transaction (a workflow effect): rules apply in that transaction. */
  async inTransaction(em: EntityManager, caseId: number, companyId: number, access: RoleGraph): Promise<void> {
    if (!(await this.section(companyId, em))?.rules?.length) return;
    const row = await em.findOne(WorkCase, { id: caseId, companyId });
    if (!row || !row.assigneeRole || row.assigneeId != null) return;
    const picked = await this.pick(em, access, { companyId, caseType: row.caseType, projectId: row.projectId, buildingId: row.buildingId ?? null, data: row.data, role: row.assigneeRole });
    if (picked.staffId === null) return;
    row.assigneeId = picked.staffId;
    this.log(em, row, { from: null, to: picked.staffId, toName: picked.staffName!, role: row.assigneeRole, by: 'rule', rule: picked.rule, ruleTitle: picked.trials.at(-1)?.title ?? null }, this.now(), { staffId: null, role: null });
  }
}

/** The `assigned` event of a naming (the case in `state`), for the ORM and the transition stores (core/cases). */
export function assignedEvent(state: string, pending: PendingAssignment, actor: { staffId: number | null; role: string | null }) {
  return {
    type: 'assigned', transition: null, fromState: state, toState: state,
    actorId: pending.by === 'form' ? actor.staffId : null, actorRole: pending.by === 'form' ? actor.role : null,
    data: { from: pending.from, to: pending.to, toName: pending.toName, role: pending.role, by: pending.by, ...(pending.field ? { field: pending.field } : {}), ...(pending.by === 'rule' ? { rule: pending.rule, ruleTitle: pending.ruleTitle } : {}) },
  };
}

/** 422 naming the staff member who cannot take the case, with the reason in params for the client's wording. */
export function notEligible(pointer: string, staffId: unknown, why: 'inactive' | 'project' | 'role' | 'unknown', role: string | null, access: RoleGraph): RuleRefusedError {
  const roleTitle = role ? access.roles.get(role)?.title['zh-CN'] ?? role : null;
  const zh = {
    unknown: '所选员工不存在',
    inactive: '所选员工已停用',
    project: '所选员工不在该案件所属项目工作',
    role: `所选员工不担任${roleTitle ? `「${roleTitle}」` : '该'}岗位，不能承办此案件`,
  }[why];
  const en = {
    unknown: 'no such staff member in this company',
    inactive: 'the staff member is inactive',
    project: "the staff member does not work in the case's project",
    role: `the staff member does not act as ${role ?? 'the role the case waits on'}`,
  }[why];
  return new RuleRefusedError(`staffId ${String(staffId)}: ${en}`, [{
    pointer, code: 'assignee-not-eligible', message: en,
    params: { staffId: typeof staffId === 'number' ? staffId : null, reason: why, role, roleTitle, 'zh-CN': zh, en },
  }]);
}
