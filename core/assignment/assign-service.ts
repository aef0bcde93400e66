/**
 * Assigning a case to a named staff member by hand (派给…), or taking an unassigned case of one's
 * own role (认领), or handing it back to the role's queue. Who may: holders of `cases.assign`, or
 * anyone taking an unassigned case of a role they act in. The assignee must be eligible
 * (eligibility.ts); a reassignment (someone else was named) needs a reason; a stale version is
 * 409; another company's case 404. One transaction: the case row and its `assigned` event, or nothing.
 */
import type { MikroORM } from '@mikro-orm/core';
import { CaseEvent, WorkCase } from '../db/entities/index.js';
import { ForbiddenError, RuleRefusedError, StaleVersionError, ValidationError } from '../errors.js';
import type { Principal } from '../auth/sessions.js';
import type { CaseService, CaseContext } from '../cases/case-service.js';
import { hasPermission } from '../cases/access.js';
import { CASES_ASSIGN, eligibleCandidates, ineligibility, loadStaff, type StaffRecord } from './eligibility.js';
import { notEligible } from './auto-assign.js';
import type { Candidate } from './rules.js';

export interface AssignInput {
  staffId: number | null;
  reason?: string;
  version: number;
}

/** The role whose queue a case is in (the case's own, else its state's). */
export function queueRole(ctx: CaseContext): string | null {
  return ctx.row.assigneeRole ?? ctx.type.workflow.states[ctx.row.state]?.assignRole ?? null;
}

export interface AssignmentView {
  assigneeId: number | null;
  assigneeName: string | null;
  role: string | null;
  /** may name anyone eligible (cases.assign) */
  canAssign: boolean;
  /** may take the case themselves (unassigned, of a role they act in) */
  canTake: boolean;
  /** eligible staff with their open loads (only for those who may assign) */
  eligible: Candidate[];
}

export class AssignService {
  constructor(private readonly orm: MikroORM, private readonly cases: CaseService, private readonly now: () => Date) {}

  private mayTake(principal: Principal, ctx: CaseContext): boolean {
    const role = queueRole(ctx);
    return !ctx.row.closedAt && ctx.row.assigneeId == null && role !== null && ctx.access.actingRoles(principal.roles).has(role);
  }

  /** Who has the case and what the viewer may do about it. */
  async view(principal: Principal, caseType: string, id: number): Promise<AssignmentView> {
    const em = this.orm.em.fork();
    const ctx = await this.cases.load(principal, caseType, id, em);
    const role = queueRole(ctx);
    const canAssign = !ctx.row.closedAt && hasPermission(principal, ctx.access, CASES_ASSIGN);
    const [assignee] = ctx.row.assigneeId != null ? await loadStaff(em, principal.companyId, [ctx.row.assigneeId]) : [];
    return {
      assigneeId: ctx.row.assigneeId ?? null,
      assigneeName: assignee?.name ?? null,
      role,
      canAssign,
      canTake: this.mayTake(principal, ctx),
      eligible: canAssign ? await eligibleCandidates(em, ctx.access, principal.companyId, ctx.row.projectId, role) : [],
    };
  }

  /** Staff a form may name for the role a transition sends the case to (the staff picker's list). */
  async eligibleFor(principal: Principal, caseType: string, id: number, transition: string, field: string): Promise<Candidate[]> {
    const em = this.orm.em.fork();
    const ctx = await this.cases.load(principal, caseType, id, em);
    const t = ctx.type.workflow.transitions[transition];
    const effect = t?.effects?.find((e) => e.type === 'assign' && e.staffField === field);
    if (!t || !effect) {
      throw new ValidationError([{ pointer: '/field', code: 'unknown-field', message: `transition ${transition} names no staff member in field ${field}`, params: { field } }]);
    }
    const role = effect.role ?? ctx.type.workflow.states[t.to]?.assignRole ?? queueRole(ctx);
    return eligibleCandidates(em, ctx.access, principal.companyId, ctx.row.projectId, role);
  }

  async assign(principal: Principal, caseType: string, id: number, input: AssignInput): Promise<WorkCase> {
    return this.orm.em.fork().transactional(async (em) => {
      const ctx = await this.cases.load(principal, caseType, id, em);
      const { row } = ctx;
      if (input.version !== row.version) throw new StaleVersionError(input.version, row.version);
      const role = queueRole(ctx);
      const taking = input.staffId === principal.staffId && this.mayTake(principal, ctx);
      if (!taking && !hasPermission(principal, ctx.access, CASES_ASSIGN)) {
        throw new ForbiddenError(`assigning cases needs the ${CASES_ASSIGN} permission (or take an unassigned case of your own role)`);
      }
      if (row.closedAt) {
        throw new RuleRefusedError('the case is closed: nobody works on it any more', [{ pointer: '/staffId', code: 'case-closed', message: 'the case is closed', params: { state: row.state } }]);
      }
      if (input.staffId === (row.assigneeId ?? null)) {
        throw new RuleRefusedError('the case is already with this staff member', [{ pointer: '/staffId', code: 'already-assigned', message: 'nothing to change', params: { staffId: input.staffId } }]);
      }
      const reason = input.reason?.trim() ?? '';
      if (row.assigneeId != null && !reason) {
        throw new ValidationError([{ pointer: '/reason', code: 'required', message: 'a reassignment needs a reason', params: { field: 'reason' } }]);
      }
      let staff: StaffRecord | undefined;
      if (input.staffId !== null) {
        [staff] = await loadStaff(em, principal.companyId, [input.staffId]);
        const why = staff ? ineligibility(ctx.access, staff, row.projectId, role) : 'unknown';
        if (!staff || why) throw notEligible('/staffId', input.staffId, why ?? 'unknown', role, ctx.access);
      }
      // claim the version: of two concurrent changes exactly one moves the row
      const claimed = await em.nativeUpdate(WorkCase, { id: row.id, companyId: row.companyId, version: input.version }, { version: input.version + 1, assigneeId: input.staffId, updatedAt: this.now() });
      if (claimed === 0) throw new StaleVersionError(input.version, input.version + 1);
      const [from] = row.assigneeId != null ? await loadStaff(em, principal.companyId, [row.assigneeId]) : [];
      em.create(CaseEvent, {
        companyId: row.companyId, caseId: row.id, type: 'assigned', transition: null, fromState: row.state, toState: row.state,
        actorId: principal.staffId, actorRole: null,
        data: { from: row.assigneeId ?? null, fromName: from?.name ?? null, to: input.staffId, toName: staff?.name ?? null, role, reason: reason || null, by: taking ? 'take' : 'assign' },
        createdAt: this.now(),
      });
      await em.flush();
      // the entity was updated natively: reflect it without another read
      row.assigneeId = input.staffId;
      row.version = input.version + 1;
      row.updatedAt = this.now();
      return row;
    });
  }
}
