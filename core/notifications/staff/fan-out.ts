/**
 * The fan-out job: reads the case events written since its cursor and the clocks and follow-ups
 * coming due, and writes one staff_notification per recipient and cause. Every row is unique per
 * (source, recipient) and inserted with "on conflict do nothing", so a rerun, an overlapping run
 * or a second instance never notifies twice; then the bus tells every instance whose count changed.
 *
 * The cursor and PostgreSQL: event ids are taken when a transaction inserts, not when it commits,
 * so a later id can be visible before an earlier one. The cursor therefore stops before the first
 * missing id and only passes it once it has stayed missing for GAP_GRACE_MS (a rolled-back
 * transaction leaves such holes for good); events after the hole are read again meanwhile, which
 * the unique rows make harmless.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { CaseDeadline, CaseEvent, FollowUp, NotificationCursor, StaffNotification, StaffNotificationPrefs, WorkCase } from '../../db/entities/index.js';
import type { ConfigService } from '../../config/config-service.js';
import type { ClusterBus } from '../../cluster/bus.js';
import { RecipientDirectory } from './recipients.js';
import { noticesForEvent, type Notice } from './derive-from-events.js';
import { DUE_SOON_MS } from './kinds.js';
import { publishChanged } from './live-topic.js';
import { queueRobotPosts } from '../robots/robot-posts.js';

const CURSOR = 'staff-notifications:case-events';
const BATCH = 500;
const GAP_GRACE_MS = 60_000;
const EVENT_TYPES = new Set(['created', 'transition', 'assigned', 'overdue']);
/** follow-ups that came due longer ago than this are not announced (a first run on old data) */
const FOLLOW_UP_LOOKBACK_MS = 24 * 60 * 60_000;

export interface FanOutDeps {
  orm: MikroORM;
  configs: ConfigService;
  bus: ClusterBus;
  /** real time, for how long an id has been missing (commit lag is real, whatever the case clock says) */
  realNow?: () => number;
}

export class StaffNotificationFanOut {
  /** ids seen missing, with when (this instance's memory: another instance waits its own grace) */
  private readonly missingSince = new Map<number, number>();

  constructor(private readonly deps: FanOutDeps) {}

  /**
   * A database that had cases before notifications existed starts reading at its newest event:
   * staff are told of what happens from now on, not of years of history. (Idempotent.)
   */
  async startCursor(): Promise<void> {
    const em = this.deps.orm.em.fork();
    const [newest] = await em.find(CaseEvent, {}, { orderBy: { id: 'desc' }, fields: ['id'], limit: 1 });
    await (em as SqlEntityManager).createQueryBuilder(NotificationCursor).insert({ name: CURSOR, lastId: newest?.id ?? 0 }).onConflict('name').ignore().execute();
  }

  async run(at: Date): Promise<{ written: number }> {
    let written = 0;
    for (;;) {
      const { count, more } = await this.eventBatch(at);
      written += count;
      if (!more) break;
    }
    written += await this.dueSoon(at);
    written += await this.followUpsDue(at);
    return { written };
  }

  private async eventBatch(at: Date): Promise<{ count: number; more: boolean }> {
    const em = this.deps.orm.em.fork();
    const cursor = (await em.findOne(NotificationCursor, { name: CURSOR }))?.lastId ?? 0;
    const events = await em.find(CaseEvent, { id: { $gt: cursor } }, { orderBy: { id: 'asc' }, limit: BATCH });
    if (events.length === 0) return { count: 0, more: false };
    const relevant = events.filter((e) => EVENT_TYPES.has(e.type));
    const cases = await casesById(em, relevant.map((e) => e.caseId));
    const who = new RecipientDirectory(em, this.deps.configs, at);
    const notices: Notice[] = [];
    for (const ev of relevant) {
      const row = cases.get(ev.caseId);
      if (row && row.companyId === ev.companyId) notices.push(...await noticesForEvent(em, ev, row, who));
    }
    const count = await writeNotices(em, this.deps.bus, notices, cases, at);
    await announceMessages(em, this.deps.bus, relevant.filter((e) => e.type === 'transition'));
    // the projects' WeCom group robots post the overdue and escalated items (robots/robot-posts.ts)
    await queueRobotPosts(em, relevant, cases, who, at);
    const next = this.safeCursor(cursor, events.map((e) => e.id));
    if (next > cursor) await saveCursor(em, next);
    return { count, more: events.length === BATCH && next > cursor };
  }

  /** The highest id up to which every id was seen, or has been missing longer than the grace. */
  private safeCursor(cursor: number, ids: number[]): number {
    const now = (this.deps.realNow ?? Date.now)();
    const seen = new Set(ids);
    let safe = cursor;
    for (let id = cursor + 1; id <= ids[ids.length - 1]!; id++) {
      if (seen.has(id)) { this.missingSince.delete(id); safe = id; continue; }
      const since = this.missingSince.get(id) ?? now;
      this.missingSince.set(id, since);
      if (now - since < GAP_GRACE_MS) break;
      this.missingSince.delete(id);
      safe = id;
    }
    return safe;
  }

  /** Running clocks due within the hour: the case's named assignee, else its role. */
  private async dueSoon(at: Date): Promise<number> {
    const em = this.deps.orm.em.fork();
    const due = await em.find(CaseDeadline, { status: 'running', dueAt: { $gt: at, $lte: new Date(at.getTime() + DUE_SOON_MS) } }, { orderBy: { dueAt: 'asc' }, limit: BATCH });
    const fresh = await withoutNotified(em, due.map((d) => ({ item: d, source: `deadline:${d.id}:dueSoon` })));
    if (fresh.length === 0) return 0;
    const cases = await casesById(em, fresh.map((f) => f.item.caseId));
    const who = new RecipientDirectory(em, this.deps.configs, at);
    const notices: Notice[] = [];
    for (const { item: d, source } of fresh) {
      const row = cases.get(d.caseId);
      if (!row || row.closedAt) continue;
      const ids = row.assigneeId != null ? await who.named(row.companyId, row.projectId, row.assigneeId)
        : row.assigneeRole ? await who.inRole(row.companyId, row.projectId, row.assigneeRole) : [];
      const deadlineTitle = await who.deadlineTitle(row.companyId, row.caseType, d.key);
      notices.push(...ids.map((staffId) => ({ staffId, kind: 'dueSoon' as const, source, caseId: row.id, data: { deadline: d.key, deadlineTitle, dueAt: d.dueAt.toISOString() } })));
    }
    return writeNotices(em, this.deps.bus, notices, cases, at);
  }

  /** Follow-ups (回访) that came due: the staff of the roles that make them, in the project. */
  private async followUpsDue(at: Date): Promise<number> {
    const em = this.deps.orm.em.fork();
    const due = await em.find(FollowUp, { status: 'due', dueAt: { $lte: at, $gt: new Date(at.getTime() - FOLLOW_UP_LOOKBACK_MS) } }, { orderBy: { dueAt: 'asc' }, limit: BATCH });
    const fresh = await withoutNotified(em, due.map((f) => ({ item: f, source: `followUp:${f.id}` })));
    if (fresh.length === 0) return 0;
    const cases = await casesById(em, fresh.map((f) => f.item.caseId));
    const who = new RecipientDirectory(em, this.deps.configs, at);
    const notices: Notice[] = [];
    for (const { item: f, source } of fresh) {
      const row = cases.get(f.caseId);
      if (!row) continue;
      const ids = await who.inAnyRole(f.companyId, f.projectId, f.roles);
      notices.push(...ids.map((staffId) => ({ staffId, kind: 'followUpDue' as const, source, caseId: row.id, data: { dueAt: f.dueAt.toISOString(), method: f.method } })));
    }
    return writeNotices(em, this.deps.bus, notices, cases, at);
  }
}

async function casesById(em: EntityManager, ids: number[]): Promise<Map<number, WorkCase>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  return new Map((await em.find(WorkCase, { id: { $in: unique } })).map((c) => [c.id, c]));
}

/** Drops the causes already notified (so a run does not recompute recipients for them). */
async function withoutNotified<T>(em: EntityManager, items: { item: T; source: string }[]): Promise<{ item: T; source: string }[]> {
  if (items.length === 0) return [];
  const done = new Set((await em.find(StaffNotification, { source: { $in: items.map((i) => i.source) } }, { fields: ['source'] })).map((n) => n.source));
  return items.filter((i) => !done.has(i.source));
}

async function saveCursor(em: EntityManager, lastId: number): Promise<void> {
  await (em as SqlEntityManager).createQueryBuilder(NotificationCursor).insert({ name: CURSOR, lastId }).onConflict('name').merge(['lastId']).execute();
}

/**
 * A workflow's notify effect to staff writes its rows in the transition's transaction (notify-staff.ts),
 * where announcing them would run ahead of the commit; the transition's event, read here once
 * committed, announces them instead. Announcing twice only makes a count be read again.
 */
async function announceMessages(em: EntityManager, bus: ClusterBus, events: CaseEvent[]): Promise<void> {
  if (events.length === 0) return;
  const since = new Date(Math.min(...events.map((e) => e.createdAt.getTime())));
  const rows = await (em as SqlEntityManager).createQueryBuilder(StaffNotification).select(['companyId', 'staffId'])
    .where({ kind: 'message', caseId: { $in: [...new Set(events.map((e) => e.caseId))] }, createdAt: { $gte: since }, readAt: null })
    .execute<{ companyId: number; staffId: number }[]>('all');
  const byCompany = new Map<number, Set<number>>();
  for (const r of rows) byCompany.set(Number(r.companyId), (byCompany.get(Number(r.companyId)) ?? new Set()).add(Number(r.staffId)));
  for (const [companyId, staff] of byCompany) await publishChanged(bus, companyId, [...staff]);
}

/** Inserts the notices the recipients want (muted kinds dropped); returns how many rows are new. */
async function writeNotices(em: EntityManager, bus: ClusterBus, notices: Notice[], cases: Map<number, WorkCase>, at: Date): Promise<number> {
  if (notices.length === 0) return 0;
  const prefs = new Map((await em.find(StaffNotificationPrefs, { staffId: { $in: [...new Set(notices.map((n) => n.staffId))] } })).map((p) => [p.staffId, new Set(p.muted)]));
  const rows = notices.filter((n) => !prefs.get(n.staffId)?.has(n.kind)).map((n) => {
    const c = cases.get(n.caseId)!;
    return {
      companyId: c.companyId, staffId: n.staffId, kind: n.kind, source: n.source, caseId: c.id, caseType: c.caseType, projectId: c.projectId,
      serial: c.serial, caseTitle: c.title ?? null, data: n.data, createdAt: at, readAt: null,
    };
  });
  if (rows.length === 0) return 0;
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 200) {
    const res = await (em as SqlEntityManager).createQueryBuilder(StaffNotification).insert(rows.slice(i, i + 200)).onConflict(['source', 'staffId']).ignore().execute('run');
    inserted += Number((res as { affectedRows?: number }).affectedRows ?? 0);
  }
  const byCompany = new Map<number, Set<number>>();
  for (const r of rows) byCompany.set(r.companyId, (byCompany.get(r.companyId) ?? new Set()).add(r.staffId));
  for (const [companyId, staff] of byCompany) await publishChanged(bus, companyId, [...staff]);
  return inserted;
}
