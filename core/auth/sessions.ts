/**
 * Login sessions. The client holds a random token (httpOnly cookie or bearer header); the
 * database holds only its SHA-256. Resolved sessions are cached briefly in memory so an
 * authenticated request does not cost a query; a logout or a staff change is published on the
 * cluster bus, so every instance drops the cached entries within a second (the TTL is only the
 * backstop for a bus that was down).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { Session, Staff, StaffProject } from '../db/entities/index.js';
import { InProcessBus, type ClusterBus } from '../cluster/bus.js';

export interface Principal {
  staffId: number;
  companyId: number;
  username: string;
  name: string;
  roles: string[];
  /** projects the staff member is assigned to */
  projectIds: number[];
  language: string;
}

const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const CACHE_TTL_MS = 30_000;
const REVOKED = 'session.revoked';
const FORGET_ALL = 'sessions.forgetAll';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class SessionStore {
  private readonly cache = new Map<string, { principal: Principal; expiresAt: number; cachedAt: number }>();
  /**
   * Bumped by every invalidation: a lookup that started before one does not cache what it read
   * (it may have read the session just before it was deleted).
   */
  private generation = 0;

  constructor(private readonly orm: MikroORM, private readonly bus: ClusterBus = new InProcessBus()) {
    bus.subscribe(REVOKED, (hash) => { this.generation++; this.cache.delete(hash); });
    bus.subscribe(FORGET_ALL, () => this.clearCache());
    bus.onResync(() => this.clearCache());
  }

  private clearCache(): void {
    this.generation++;
    this.cache.clear();
  }

  async create(staff: Staff): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
    const em = this.orm.em.fork();
    em.create(Session, { tokenHash: hashToken(token), companyId: staff.companyId, staffId: staff.id, createdAt: new Date(), expiresAt });
    await em.flush();
    return { token, expiresAt };
  }

  async resolve(token: string): Promise<Principal | null> {
    const key = hashToken(token);
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.expiresAt > now && now - hit.cachedAt < CACHE_TTL_MS) return hit.principal;
    const generation = this.generation;
    const em = this.orm.em.fork();
    const session = await em.findOne(Session, { tokenHash: key });
    if (!session || session.expiresAt.getTime() <= now) {
      this.cache.delete(key);
      return null;
    }
    const staff = await em.findOne(Staff, { id: session.staffId, companyId: session.companyId, active: true });
    if (!staff) return null;
    const assignments = await em.find(StaffProject, { staffId: staff.id, companyId: staff.companyId });
    const principal: Principal = {
      staffId: staff.id,
      companyId: staff.companyId,
      username: staff.username,
      name: staff.name,
      roles: staff.roles,
      projectIds: assignments.map((a) => a.projectId),
      language: staff.language,
    };
    if (generation !== this.generation) return principal;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { principal, expiresAt: session.expiresAt.getTime(), cachedAt: now });
    return principal;
  }

  /** Logout: the session ends on every instance. */
  async revoke(token: string): Promise<void> {
    const key = hashToken(token);
    await this.orm.em.fork().nativeDelete(Session, { tokenHash: key });
    await this.bus.publish(REVOKED, key);
  }

  /**
   * After staff or role changes (committed): every instance forgets its cached principals. Callers
   * need not wait; a failed publish is logged by nobody, so it is swallowed here and the TTL applies.
   */
  forgetAll(): Promise<void> {
    return this.bus.publish(FORGET_ALL).catch(() => this.clearCache());
  }

  /** Expired sessions are deleted by the housekeeping job (core/jobs/purge-sessions.ts). */
  async purgeExpired(now = new Date()): Promise<number> {
    return this.orm.em.fork().nativeDelete(Session, { expiresAt: { $lte: now } });
  }
}
