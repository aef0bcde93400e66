/**
 * Platform operators: created on the command line of a fresh install (`operator:create`), never
 * through the API, so the first one needs shell access to the server. Passwords follow the staff
 * password policy and are hashed with argon2id like staff passwords.
 */
import type { MikroORM } from '@mikro-orm/core';
import { PlatformOperator } from '../db/entities/index.js';
import { hashPassword } from '../auth/passwords.js';
import { ValidationError, WuyeError } from '../errors.js';
import { nameIssues, newPasswordIssues, usernameIssues } from './input-rules.js';

export interface NewOperator {
  username: string;
  /** shown in logs and the audit; defaults to the username */
  name?: string;
  password: string;
}

export async function createOperator(orm: MikroORM, input: NewOperator, now: () => Date = () => new Date()): Promise<PlatformOperator> {
  const name = input.name ?? input.username;
  const issues = [
    ...usernameIssues(input.username, '/username'),
    ...nameIssues(name, '/name', 100),
    ...newPasswordIssues(input.password, '/password', { username: input.username, name }),
  ];
  if (issues.length) throw new ValidationError(issues);
  const passwordHash = await hashPassword(input.password);
  return orm.em.fork().transactional(async (em) => {
    if (await em.findOne(PlatformOperator, { username: input.username }, { fields: ['id'] })) {
      throw new WuyeError('WUYE_CONFLICT', 409, `operator ${input.username} exists`, [{ pointer: '/username', code: 'taken', message: 'an operator with this username exists' }]);
    }
    const operator = em.create(PlatformOperator, { username: input.username, name, passwordHash, active: true, createdAt: now() });
    await em.flush();
    return operator;
  });
}
