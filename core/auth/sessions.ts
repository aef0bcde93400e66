/**
 * Login sessions. The client holds a random token (httpOnly cookie or bearer header); the
 * database holds only its SHA-256. Resolved sessions are cached briefly in memory so an
 * authenticated request does not cost a query.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { Session, Staff, StaffProject } from '../db/entities/index.js';

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

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class SessionStore {
  private readonly cache = new Map<string, { principal: Principal; expiresAt: number; cachedAt: number }>();

  constructor(private readonly orm: MikroORM) {}

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
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { principal, expiresAt: session.expiresAt.getTime(), cachedAt: now });
    return principal;
  }

  async revoke(token: string): Promise<void> {
    const key = hashToken(token);
    this.cache.delete(key);
    await this.orm.em.fork().nativeDelete(Session, { tokenHash: key });
  }

  /** After staff or role changes: forget cached principals. */
  forgetAll(): void {
    this.cache.clear();
  }
}
