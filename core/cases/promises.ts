/**
 * Promised times and progress told to the resident, on a case of any type (日清日审).
 *
 * The first promise sets the time the resident was promised (约定完成时间); every later one is a
 * postponement. The company's configuration section `promises` (schemas/config.schema.json) caps
 * both, per case type if it likes: the latest promise, counted in calendar days from the case's
 * registration (default 7 — the manuals: "一般不超过一周"), and how often a promise may be
 * postponed (default 1 — "不得出现同一件事情有两次推迟处理的情况"). A refusal is a 422 naming
 * `promisedAt` with a code the staff app words (`promise-beyond-horizon`, `promise-postponed-too-often`…)
 * and writes nothing. Telling the resident of the progress is a recorded step of its own
 * (`progressTold`, with channel and note) that keeps the case's `lastToldAt` for the daily board.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { CaseEvent, Staff, WorkCase } from '../db/entities/index.js';
import { ForbiddenError, RuleRefusedError, StaleVersionError } from '../errors.js';
import type { Principal } from '../auth/sessions.js';
import type { ConfigService } from '../config/config-service.js';
import type { CaseService } from './case-service.js';
import type { CaseContext } from './case-context.js';

export const DEFAULT_PROMISE_RULES = { maxDays: 7, maxPostponements: 1 } as const;
const DAY_MS = 86_400_000;

/** The ways a resident is told of the progress (the staff app words them). */
export const PROGRESS_CHANNELS = ['phone', 'visit', 'sms', 'wechat', 'other'] as const;
export type ProgressChannel = (typeof PROGRESS_CHANNELS)[number];

export interface PromiseRules { maxDays: number; maxPostponements: number }

export interface PromiseInput { promisedAt: string; reason?: string; version: number }
export interface ProgressToldInput { channel: ProgressChannel; note: string }

/** A recorded step on the promise or the progress, for the case page's list. */
export interface PromiseStep {
  type: 'promised' | 'postponed' | 'progressTold';
  at: string;
  actorName: string | null;
  promisedAt: string | null;
  previousPromisedAt: string | null;
  reason: string | null;
  channel: ProgressChannel | null;
  note: string | null;
}

export interface CasePromiseState {
  caseId: number;
  version: number;
  closed: boolean;
  promisedAt: string | null;
  postponements: number;
  lastToldAt: string | null;
  /** the rules in force for this case type */
  rules: PromiseRules;
  /** the latest time a promise may name (registration + maxDays) */
  latestAllowed: string;
  /** whether one more postponement would be accepted */
  mayPostpone: boolean;
  /** whether the caller's roles may promise or record progress on this case */
  mayAct: boolean;
  steps: PromiseStep[];
}

export class CasePromises {
  constructor(
    private readonly orm: MikroORM,
    private readonly cases: CaseService,
    private readonly configs: ConfigService,
    private readonly now: () => Date,
  ) {}

  /** The company's rules for a case type: defaults, then `promises`, then `promises.byCaseType.<type>`. */
  async rulesFor(companyId: number, versionId: number, caseType: string, em?: EntityManager): Promise<PromiseRules> {
    const document = await this.configs.documentOf(companyId, versionId, em);
    const section = document.promises ?? {};
    const own = section.byCaseType?.[caseType] ?? {};
    return {
      maxDays: own.maxDays ?? section.maxDays ?? DEFAULT_PROMISE_RULES.maxDays,
      maxPostponements: own.maxPostponements ?? section.maxPostponements ?? DEFAULT_PROMISE_RULES.maxPostponements,
    };
  }

  async state(principal: Principal, caseType: string, id: number): Promise<CasePromiseState> {
    const em = this.orm.em.fork();
    const ctx = await this.cases.load(principal, caseType, id, em);
    const rules = await this.rulesFor(principal.companyId, ctx.access.versionId, caseType, em);
    const events = await em.find(CaseEvent, { caseId: id, companyId: principal.companyId, type: { $in: ['promised', 'postponed', 'progressTold'] } }, { orderBy: { id: 'asc' } });
    const actorIds = [...new Set(events.map((e) => e.actorId).filter((a): a is number => a != null))];
    const names = new Map((await em.find(Staff, { id: { $in: actorIds }, companyId: principal.companyId }, { fields: ['id', 'name'] })).map((s) => [s.id, s.name]));
    const row = ctx.row;
    const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
    return {
      caseId: row.id,
      version: row.version,
      closed: row.closedAt != null,
      promisedAt: row.promisedAt?.toISOString() ?? null,
      postponements: row.postponements ?? 0,
      lastToldAt: row.lastToldAt?.toISOString() ?? null,
      rules,
      latestAllowed: new Date(row.createdAt.getTime() + rules.maxDays * DAY_MS).toISOString(),
      mayPostpone: row.promisedAt == null || (row.postponements ?? 0) < rules.maxPostponements,
      mayAct: mayAct(principal, ctx),
      steps: events.map((e) => ({
        type: e.type as PromiseStep['type'],
        at: e.createdAt.toISOString(),
        actorName: e.actorId != null ? (names.get(e.actorId) ?? null) : null,
        promisedAt: str(e.data.promisedAt),
        previousPromisedAt: str(e.data.previousPromisedAt),
        reason: str(e.data.reason),
        channel: (str(e.data.channel) as ProgressChannel | null),
        note: str(e.data.note),
      })),
    };
  }

  /** Sets the promise (first call) or postpones it; refuses past the rules, writing nothing. */
  async promise(principal: Principal, caseType: string, id: number, input: PromiseInput): Promise<CasePromiseState> {
    await this.orm.em.fork().transactional(async (em) => {
      const ctx = await this.cases.load(principal, caseType, id, em);
      const role = requireActor(principal, ctx);
      const row = ctx.row;
      if (input.version !== row.version) throw new StaleVersionError(input.version, row.version);
      if (row.closedAt != null) {
        throw new RuleRefusedError(`case ${row.serial} is closed: no promise can be made on it`, [
          { pointer: '/promisedAt', code: 'promise-case-closed', message: 'the case is closed', params: { state: row.state } },
        ]);
      }
      const rules = await this.rulesFor(principal.companyId, ctx.access.versionId, caseType, em);
      const at = new Date(input.promisedAt);
      const now = this.now();
      if (at.getTime() <= now.getTime()) {
        throw new RuleRefusedError('promisedAt must lie in the future', [
          { pointer: '/promisedAt', code: 'promise-in-past', message: `promisedAt ${input.promisedAt} is not after now`, params: {} },
        ]);
      }
      const latest = new Date(row.createdAt.getTime() + rules.maxDays * DAY_MS);
      if (at.getTime() > latest.getTime()) {
        throw new RuleRefusedError(`promisedAt may be at most ${rules.maxDays} days after the case was registered (promises.maxDays): ${latest.toISOString()} at the latest`, [
          { pointer: '/promisedAt', code: 'promise-beyond-horizon', message: `at most ${rules.maxDays} days after registration (${latest.toISOString()})`, params: { limit: rules.maxDays, latest: latest.toISOString() } },
        ]);
      }
      const postponing = row.promisedAt != null;
      const done = row.postponements ?? 0;
      if (postponing && done >= rules.maxPostponements) {
        const code = rules.maxPostponements === 0 ? 'promise-no-postponement' : 'promise-postponed-too-often';
        throw new RuleRefusedError(`the promise of ${row.serial} was already postponed ${done} time(s); at most ${rules.maxPostponements} allowed (promises.maxPostponements)`, [
          { pointer: '/promisedAt', code, message: `already postponed ${done} time(s), at most ${rules.maxPostponements}`, params: { limit: rules.maxPostponements } },
        ]);
      }
      // claim the version: of two concurrent changes exactly one wins, the other gets 409
      const claimed = await em.nativeUpdate(WorkCase, { id: row.id, companyId: row.companyId, version: input.version }, { version: input.version + 1 });
      if (claimed === 0) throw new StaleVersionError(input.version, input.version + 1);
      const previous = row.promisedAt ?? null;
      row.version = input.version + 1;
      row.updatedAt = now;
      row.promisedAt = at;
      row.postponements = postponing ? done + 1 : done;
      em.create(CaseEvent, {
        companyId: row.companyId, caseId: row.id, type: postponing ? 'postponed' : 'promised', transition: null, fromState: row.state, toState: row.state,
        actorId: principal.staffId, actorRole: role,
        data: { promisedAt: at.toISOString(), ...(postponing ? { previousPromisedAt: previous!.toISOString(), postponements: done + 1 } : {}), ...(input.reason ? { reason: input.reason } : {}) },
        createdAt: now,
      });
      await em.flush();
    });
    return this.state(principal, caseType, id);
  }

  /** Records that the resident was told of the progress (an append: the case's version does not move). */
  async progressTold(principal: Principal, caseType: string, id: number, input: ProgressToldInput): Promise<CasePromiseState> {
    await this.orm.em.fork().transactional(async (em) => {
      const ctx = await this.cases.load(principal, caseType, id, em);
      const role = requireActor(principal, ctx);
      const row = ctx.row;
      const now = this.now();
      row.lastToldAt = now;
      em.create(CaseEvent, {
        companyId: row.companyId, caseId: row.id, type: 'progressTold', transition: null, fromState: row.state, toState: row.state,
        actorId: principal.staffId, actorRole: role, data: { channel: input.channel, note: input.note }, createdAt: now,
      });
      await em.flush();
    });
    return this.state(principal, caseType, id);
  }
}

/** Roles that take part in the case's procedure: its registrars, the roles of its steps, follow-ups and states. */
function procedureRoles(ctx: CaseContext): Set<string> {
  const wf = ctx.type.workflow;
  const roles = new Set<string>(wf.createRoles);
  for (const t of Object.values(wf.transitions)) for (const r of t.roles) roles.add(r);
  for (const s of Object.values(wf.states)) if (s.assignRole) roles.add(s.assignRole);
  for (const r of wf.followUp?.roles ?? []) roles.add(r);
  for (const d of Object.values(wf.deadlines ?? {})) if (d.escalateTo) roles.add(d.escalateTo);
  return roles;
}

function mayAct(principal: Principal, ctx: CaseContext): boolean {
  const acting = ctx.access.actingRoles(principal.roles);
  for (const r of procedureRoles(ctx)) if (acting.has(r)) return true;
  return false;
}

function requireActor(principal: Principal, ctx: CaseContext): string {
  const acting = ctx.access.actingRoles(principal.roles);
  for (const r of procedureRoles(ctx)) if (acting.has(r)) return r;
  throw new ForbiddenError(`your roles (${principal.roles.join(', ')}) take no part in ${ctx.row.caseType} cases: they may not promise times or record progress on them`);
}
