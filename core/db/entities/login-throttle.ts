/**
 * Failed-login counters, one row per key ('user:<username>' or 'ip:<address>'). Kept in the
 * database, not in memory, so every server process behind a load balancer sees the same counts.
 * Rows exist before anyone is authenticated (the username may not even exist), so they carry no
 * company: a key is only ever a submitted username or a client address.
 */
import { EntitySchema } from '@mikro-orm/core';

export class LoginThrottle {
  key!: string;
  /** failures since windowStart */
  failures!: number;
  windowStart!: Date;
  /** no login for this key is tried before this instant */
  lockedUntil!: Date | null;
}
export const LoginThrottleSchema = new EntitySchema<LoginThrottle>({
  class: LoginThrottle,
  tableName: 'login_throttle',
  properties: {
    key: { type: 'string', length: 200, primary: true },
    failures: { type: 'integer' },
    windowStart: { type: 'datetime' },
    lockedUntil: { type: 'datetime', nullable: true },
  },
});
