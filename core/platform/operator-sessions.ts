/**
 * Operator sessions, kept apart from staff sessions (their own table, bearer tokens only). The
 * staff auth hook looks tokens up in `session`, this store in `operator_session`: a token of one
 * kind is unknown to the other, so neither can reach the other's routes whatever a route forgets.
 * Not cached: operators make few requests, and a logout then takes effect on every instance at once.
 */
import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { OperatorSession, PlatformOperator } from '../db/entities/index.js';
import { hashToken } from '../auth/sessions.js';

export interface OperatorPrincipal {
  operatorId: number;
  username: string;
  name: string;
}

/** shorter than a staff session: an operator's token opens every company's creation */
const OPERATOR_SESSION_TTL_MS = 2 * 60 * 60 * 1000;

export class OperatorSessionStore {
  constructor(private readonly orm: MikroORM, private readonly now: () => Date) {}

  async create(operator: PlatformOperator): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const createdAt = this.now();
    const expiresAt = new Date(createdAt.getTime() + OPERATOR_SESSION_TTL_MS);
    const em = this.orm.em.fork();
    em.create(OperatorSession, { tokenHash: hashToken(token), operatorId: operator.id, createdAt, expiresAt });
    await em.flush();
    return { token, expiresAt };
  }

  async resolve(token: string): Promise<OperatorPrincipal | null> {
    const em = this.orm.em.fork();
    const session = await em.findOne(OperatorSession, { tokenHash: hashToken(token) });
    if (!session || session.expiresAt.getTime() <= this.now().getTime()) return null;
    const operator = await em.findOne(PlatformOperator, { id: session.operatorId, active: true });
    if (!operator) return null;
    return { operatorId: operator.id, username: operator.username, name: operator.name };
  }

  async revoke(token: string): Promise<void> {
    await this.orm.em.fork().nativeDelete(OperatorSession, { tokenHash: hashToken(token) });
  }
}
