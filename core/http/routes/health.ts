/**
 * Health for load balancers and process managers.
 *
 * - `GET /api/health/live`: the process answers (restart it when this fails).
 * - `GET /api/health/ready`: this instance can serve: every readiness check passes, else 503
 *   (take it out of the load balancer, don't restart it). Core's checks: the database answers and
 *   every migration core and the plugins ship is applied. Other parts of the kernel add theirs with
 *   `app.readiness.add(check)` (e.g. this instance's role in job processing).
 * - `GET /api/health`: kept as it was (liveness), what existing scripts and tests call.
 *
 * While the server shuts down, fastify answers every new request 503 (return503OnClosing).
 */
import type { FastifyInstance } from 'fastify';
import type { MikroORM } from '@mikro-orm/core';

export interface ReadinessResult {
  ok: boolean;
  /** shown in the answer: what was found (counts, a role, the error's message) */
  [detail: string]: unknown;
}

export interface ReadinessCheck {
  /** key in the answer's `checks` */
  name: string;
  run(): Promise<ReadinessResult>;
}

/** The checks /api/health/ready runs, in order; a check that throws or takes over 2 s fails. */
export class Readiness {
  private readonly checks: ReadinessCheck[] = [];

  add(check: ReadinessCheck): void {
    if (this.checks.some((c) => c.name === check.name)) throw new Error(`readiness check "${check.name}" is already registered`);
    this.checks.push(check);
  }

  async evaluate(): Promise<{ ok: boolean; checks: Record<string, ReadinessResult> }> {
    const results = await Promise.all(this.checks.map(async (c) => [c.name, await runBounded(c)] as const));
    return { ok: results.every(([, r]) => r.ok), checks: Object.fromEntries(results) };
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** the readiness checks of /api/health/ready */
    readiness: Readiness;
  }
}

const CHECK_TIMEOUT_MS = 2_000;

async function runBounded(check: ReadinessCheck): Promise<ReadinessResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ReadinessResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: `no answer within ${CHECK_TIMEOUT_MS} ms` }), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check.run().catch((e: unknown) => ({ ok: false, error: (e as Error).message })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The database answers a trivial query. */
export function databaseCheck(orm: MikroORM): ReadinessCheck {
  return {
    name: 'database',
    async run() {
      await orm.em.getConnection().execute('select 1');
      return { ok: true };
    },
  };
}

/** Every migration this build ships (core's and the loaded plugins') is recorded as applied. */
export function migrationsCheck(orm: MikroORM): ReadinessCheck {
  const options = orm.config.get('migrations');
  const expected = (options.migrationsList ?? []).map((m) => m.name);
  const table = options.tableName ?? 'mikro_orm_migrations';
  return {
    name: 'migrations',
    async run() {
      const rows = (await orm.em.getConnection().execute(`select name from ${table}`)) as { name: string }[];
      const applied = new Set(rows.map((r) => r.name.replace(/\.[jt]s$/, '')));
      const pending = expected.filter((name) => !applied.has(name));
      return pending.length ? { ok: false, pending } : { ok: true, applied: expected.length };
    },
  };
}

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  const schema = (summary: string) => ({ tags: ['meta'], summary });
  app.get('/api/health', { config: { public: true }, schema: schema('Liveness (same as /api/health/live)') }, async () => ({ ok: true }));
  app.get('/api/health/live', { config: { public: true }, schema: schema('Liveness: the process answers') }, async () => ({ ok: true }));
  app.get('/api/health/ready', { config: { public: true }, schema: schema('Readiness: database reachable, migrations applied, and the other registered checks') }, async (_request, reply) => {
    const result = await app.readiness.evaluate();
    return reply.code(result.ok ? 200 : 503).send(result);
  });
}

/** Adds `app.readiness` with core's checks and the health routes; call on the root instance. */
export async function installHealth(app: FastifyInstance, orm: MikroORM): Promise<void> {
  const readiness = new Readiness();
  readiness.add(databaseCheck(orm));
  readiness.add(migrationsCheck(orm));
  app.decorate('readiness', readiness);
  await app.register(healthRoutes);
}
