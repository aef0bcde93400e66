/**
 * Housekeeping job: deletes expired sessions and login-throttle counters nobody needs any more.
 * Sessions expire on the real clock (core/auth/sessions.ts), so they are purged by it; a throttle
 * row is kept while its window (an hour at most) or its lock (15 minutes at most) could matter.
 */
import type { MikroORM } from '@mikro-orm/core';
import type { SessionStore } from '../auth/sessions.js';
import { LoginThrottle } from '../db/entities/index.js';

/** throttle rows whose window started this long ago no longer count anything */
export const THROTTLE_KEEP_MS = 24 * 60 * 60_000;

export async function purgeSessions(orm: MikroORM, sessions: SessionStore, at: Date, realNow = new Date()): Promise<{ sessions: number; throttles: number }> {
  const expired = await sessions.purgeExpired(realNow);
  const throttles = await orm.em.fork().nativeDelete(LoginThrottle, {
    windowStart: { $lt: new Date(at.getTime() - THROTTLE_KEEP_MS) },
    $or: [{ lockedUntil: null }, { lockedUntil: { $lt: at } }],
  });
  return { sessions: expired, throttles };
}
