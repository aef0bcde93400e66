/**
 * Login throttling by failures only: a successful login never counts, so an office behind one NAT
 * address cannot lock itself out, while a guesser gets few tries on any one account.
 *
 * - per username (whether it exists or not, so a lock reveals nothing): the first
 *   USER_FREE_FAILURES failures in an hour cost nothing, then each one locks the name for 30 s,
 *   doubling up to 15 min; a successful login clears the count.
 * - per client address (request.ip, which honours the trustProxy setting): at most `ipMax`
 *   failures per `ipWindowMs`, then the address waits for the window to end.
 *
 * Counters are rows of login_throttle, so every server process shares them. Counting is an atomic
 * `failures = failures + 1`, so parallel guesses are all counted.
 */
import { raw, UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import { LoginThrottle } from '../db/entities/index.js';

export const USER_FREE_FAILURES = 5;
export const USER_WINDOW_MS = 60 * 60_000;
export const USER_BASE_LOCK_MS = 30_000;
export const USER_MAX_LOCK_MS = 15 * 60_000;

export interface LoginThrottlePolicy {
  /** failed logins allowed per client address per window */
  ipMax: number;
  ipWindowMs: number;
}

export interface ThrottleRefusal {
  /** which counter refused: the username or the client address */
  by: 'username' | 'address';
  retryAfterMs: number;
}

const userKey = (username: string) => `user:${username.toLowerCase().slice(0, 150)}`;
const ipKey = (ip: string) => `ip:${ip.slice(0, 150)}`;

export class LoginThrottleStore {
  constructor(private readonly orm: MikroORM, private readonly now: () => Date, private readonly policy: LoginThrottlePolicy) {}

  /** Whether a login for this username from this address may be tried now. */
  async refusal(username: string, ip: string): Promise<ThrottleRefusal | null> {
    const em = this.orm.em.fork();
    const rows = await em.find(LoginThrottle, { key: { $in: [userKey(username), ipKey(ip)] } });
    const now = this.now().getTime();
    let refusal: ThrottleRefusal | null = null;
    for (const row of rows) {
      const until = row.lockedUntil?.getTime() ?? 0;
      if (until > now && (!refusal || until - now > refusal.retryAfterMs)) {
        refusal = { by: row.key.startsWith('user:') ? 'username' : 'address', retryAfterMs: until - now };
      }
    }
    return refusal;
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    const now = this.now();
    const failures = await this.count(userKey(username), USER_WINDOW_MS, now);
    if (failures >= USER_FREE_FAILURES) {
      const lockMs = Math.min(USER_MAX_LOCK_MS, USER_BASE_LOCK_MS * 2 ** (failures - USER_FREE_FAILURES));
      await this.lock(userKey(username), new Date(now.getTime() + lockMs));
    }
    const ipFailures = await this.count(ipKey(ip), this.policy.ipWindowMs, now);
    if (ipFailures >= this.policy.ipMax) {
      const row = await this.orm.em.fork().findOne(LoginThrottle, { key: ipKey(ip) });
      await this.lock(ipKey(ip), new Date((row?.windowStart ?? now).getTime() + this.policy.ipWindowMs));
    }
  }

  /** A successful login forgets the username's failures (never the address's). */
  async recordSuccess(username: string): Promise<void> {
    await this.orm.em.fork().nativeDelete(LoginThrottle, { key: userKey(username) });
  }

  /** Adds one failure to a key's window (a fresh window when the old one is over) and returns the count. */
  private async count(key: string, windowMs: number, now: Date): Promise<number> {
    const em = this.orm.em.fork();
    try {
      await em.insert(LoginThrottle, { key, failures: 0, windowStart: now, lockedUntil: null });
    } catch (e) {
      if (!(e instanceof UniqueConstraintViolationException)) throw e;
    }
    await em.nativeUpdate(LoginThrottle, { key, windowStart: { $lt: new Date(now.getTime() - windowMs) } }, { failures: 0, windowStart: now, lockedUntil: null });
    await em.nativeUpdate(LoginThrottle, { key }, { failures: raw('failures + 1') });
    const row = await em.fork().findOne(LoginThrottle, { key });
    return row?.failures ?? 1;
  }

  private async lock(key: string, until: Date): Promise<void> {
    await this.orm.em.fork().nativeUpdate(LoginThrottle, { key }, { lockedUntil: until });
  }
}
