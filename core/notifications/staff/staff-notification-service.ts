/**
 * A staff member's own notifications: the list (newest first, keyset paged), the unread count,
 * marking read, and which kinds they get. Every query is bounded by company and staff member, and
 * by the projects they may see today (a project taken away takes its notifications with it).
 */
import type { MikroORM } from '@mikro-orm/core';
import { StaffNotification, StaffNotificationPrefs } from '../../db/entities/index.js';
import type { Principal } from '../../auth/sessions.js';
import { NotFoundError } from '../../errors.js';
import type { ClusterBus } from '../../cluster/bus.js';
import { DEFAULT_MUTED, STAFF_NOTIFICATION_KINDS, type StaffNotificationKind } from './kinds.js';
import { publishChanged } from './live-topic.js';

export interface NotificationListQuery {
  /** the last id of the previous page */
  before?: number;
  limit: number;
  unread?: boolean;
}

export class StaffNotificationService {
  constructor(
    private readonly orm: MikroORM,
    private readonly bus: ClusterBus,
    /** the projects the principal may see, or null for all */
    private readonly projectScope: (principal: Principal) => Promise<number[] | null>,
    private readonly now: () => Date,
  ) {}

  private async mine(principal: Principal): Promise<Record<string, unknown>> {
    const scope = await this.projectScope(principal);
    return { companyId: principal.companyId, staffId: principal.staffId, ...(scope ? { projectId: { $in: scope } } : {}) };
  }

  async list(principal: Principal, q: NotificationListQuery): Promise<{ items: StaffNotification[]; nextCursor: string | null }> {
    const where = await this.mine(principal);
    if (q.before !== undefined) where.id = { $lt: q.before };
    if (q.unread) where.readAt = null;
    const rows = await this.orm.em.fork().find(StaffNotification, where, { orderBy: { id: 'desc' }, limit: q.limit + 1 });
    const items = rows.slice(0, q.limit);
    return { items, nextCursor: rows.length > q.limit ? String(items[items.length - 1]!.id) : null };
  }

  async unreadCount(principal: Principal): Promise<number> {
    return this.orm.em.fork().count(StaffNotification, { ...(await this.mine(principal)), readAt: null });
  }

  /** Marks one read; someone else's (or another company's) is not found. */
  async markRead(principal: Principal, id: number): Promise<StaffNotification> {
    const em = this.orm.em.fork();
    const row = await em.findOne(StaffNotification, { ...(await this.mine(principal)), id });
    if (!row) throw new NotFoundError('notification');
    if (!row.readAt) {
      row.readAt = this.now();
      await em.flush();
      await publishChanged(this.bus, principal.companyId, [principal.staffId]);
    }
    return row;
  }

  /** Marks every unread one read (up to `upTo`, the newest the reader saw, when given). */
  async markAllRead(principal: Principal, upTo?: number): Promise<number> {
    const where = { ...(await this.mine(principal)), readAt: null, ...(upTo !== undefined ? { id: { $lte: upTo } } : {}) };
    const changed = await this.orm.em.fork().nativeUpdate(StaffNotification, where, { readAt: this.now() });
    if (changed > 0) await publishChanged(this.bus, principal.companyId, [principal.staffId]);
    return changed;
  }

  async preferences(principal: Principal): Promise<Record<StaffNotificationKind, boolean>> {
    const row = await this.orm.em.fork().findOne(StaffNotificationPrefs, { staffId: principal.staffId, companyId: principal.companyId });
    const muted = new Set(row?.muted ?? DEFAULT_MUTED);
    return Object.fromEntries(STAFF_NOTIFICATION_KINDS.map((k) => [k, !muted.has(k)])) as Record<StaffNotificationKind, boolean>;
  }

  /** Sets the kinds given (the others keep their setting). */
  async setPreferences(principal: Principal, kinds: Partial<Record<StaffNotificationKind, boolean>>): Promise<Record<StaffNotificationKind, boolean>> {
    const current = await this.preferences(principal);
    const next = { ...current, ...kinds };
    const muted = STAFF_NOTIFICATION_KINDS.filter((k) => !next[k]);
    const em = this.orm.em.fork();
    await em.upsert(StaffNotificationPrefs, { staffId: principal.staffId, companyId: principal.companyId, muted, updatedAt: this.now() });
    return next;
  }
}
