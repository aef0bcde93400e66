/**
 * The baselines of the write-path benchmark (test/bench/write-path.bench.ts): fastify + ajv routes
 * doing what each write must at minimum, with no ORM, configuration, rules or clocks computed.
 *
 *   --tables minimal            better-sqlite3, a case, event and payment table of its own with no
 *                               secondary index: what fastify + SQLite allow
 *   --synchronous normal        SQLite commits not fsynced (default FULL, as Wuye's core/db/orm.ts)
 *   --tables wuye --sqlite F    better-sqlite3 on a database made by Wuye's own migrations (every
 *                               table and index), the statements Wuye's hot path must run
 *   --tables wuye --url U       the same statements through a `pg` pool (10 connections), each
 *                               write in one transaction
 *
 * Routes (bearer token checked): POST /cases (register a complaint), POST /cases/:id/classify
 * (the classify transition), POST /payments (a payment into a unit with no open bill: credit).
 * Prints `READY {json}` with its base URL and token.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const tables = arg('--tables') ?? 'minimal';
const TOKEN = 'bench-token';

interface Create { projectId: number; unitId?: number; personId?: number; data: Record<string, unknown> }
interface Classify { version: number; data: Record<string, unknown> }
interface Pay { unitId: number; amount: string; method: string }
interface Writes {
  create(body: Create): Promise<{ id: number; serial: string }> | { id: number; serial: string };
  classify(id: number, body: Classify): Promise<boolean> | boolean;
  pay(body: Pay): Promise<{ id: number; receiptNo: string }> | { id: number; receiptNo: string };
}

/**
 * WAL with the commit durability Wuye runs with (core/db/orm.ts: synchronous=FULL, an fsync per
 * commit); `--synchronous normal` shows what the fsync costs.
 */
function durability(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${arg('--synchronous') === 'normal' ? 'NORMAL' : 'FULL'}`);
}

const CLOCK_30_MIN = JSON.stringify({ amount: 30, unit: 'minutes' });
const CLOCK_24_H = JSON.stringify({ amount: 24, unit: 'hours' });
const fen = (amount: string) => Math.round(Number(amount) * 100);

function minimalWrites(): Writes {
  const db = new Database(path.join(mkdtempSync(path.join(os.tmpdir(), 'wuye-bare-min-')), 'bare.sqlite'));
  durability(db);
  db.exec(`create table work_case (id integer primary key, company_id integer not null, case_type text not null, serial text not null, project_id integer not null,
      unit_id integer, person_id integer, state text not null, data text not null, version integer not null, created_at integer not null, updated_at integer not null, created_by integer not null);
    create table case_event (id integer primary key, company_id integer not null, case_id integer not null, type text not null, from_state text, to_state text, actor_id integer, data text not null, created_at integer not null);
    create table payment (id integer primary key, company_id integer not null, unit_id integer not null, receipt_no text not null, method text not null, amount_fen integer not null, created_at integer not null);
    create table ledger_entry (id integer primary key, company_id integer not null, unit_id integer not null, payment_id integer not null, amount_fen integer not null, created_at integer not null);`);
  const insertCase = db.prepare(`insert into work_case (company_id, case_type, serial, project_id, unit_id, person_id, state, data, version, created_at, updated_at, created_by)
    values (1, 'complaint', ?, ?, ?, ?, 'registered', ?, 1, ?, ?, 1)`);
  const insertEvent = db.prepare('insert into case_event (company_id, case_id, type, from_state, to_state, actor_id, data, created_at) values (1, ?, ?, ?, ?, 1, ?, ?)');
  const readCase = db.prepare('select data from work_case where id = ? and company_id = 1 and version = ?');
  const updateCase = db.prepare(`update work_case set state = 'routed', data = ?, version = version + 1, updated_at = ? where id = ? and company_id = 1 and version = ?`);
  const insertPayment = db.prepare("insert into payment (company_id, unit_id, receipt_no, method, amount_fen, created_at) values (1, ?, ?, ?, ?, ?)");
  const insertLedger = db.prepare('insert into ledger_entry (company_id, unit_id, payment_id, amount_fen, created_at) values (1, ?, ?, ?, ?)');
  let serial = 0;
  let receipt = 0;
  return {
    create: db.transaction((b: Create) => {
      const now = Date.now();
      const data = JSON.stringify(b.data);
      const s = `TS-2026-${String(++serial).padStart(6, '0')}`;
      const id = Number(insertCase.run(s, b.projectId, b.unitId ?? null, b.personId ?? null, data, now, now).lastInsertRowid);
      insertEvent.run(id, 'created', null, 'registered', data, now);
      return { id, serial: s };
    }),
    classify: db.transaction((id: number, b: Classify) => {
      const row = readCase.get(id, b.version) as { data: string } | undefined;
      if (!row) return false;
      const now = Date.now();
      updateCase.run(JSON.stringify({ ...JSON.parse(row.data), ...b.data }), now, id, b.version);
      insertEvent.run(id, 'transition', 'registered', 'routed', JSON.stringify(b.data), now);
      return true;
    }),
    pay: db.transaction((b: Pay) => {
      const now = Date.now();
      const receiptNo = `SJ2026${String(++receipt).padStart(6, '0')}`;
      const id = Number(insertPayment.run(b.unitId, receiptNo, b.method, fen(b.amount), now).lastInsertRowid);
      insertLedger.run(b.unitId, id, fen(b.amount), now);
      return { id, receiptNo };
    }),
  };
}

/** The statements Wuye's own write path runs (see core/cases/sqlite-case-store.ts), on its tables. */
const SQL = {
  serial: 'insert into counter (company_id, key, value) values (?, ?, 1) on conflict (company_id, key) do update set value = counter.value + 1 returning value',
  insertCase: `insert into work_case (company_id, case_type, serial, project_id, building_id, unit_id, person_id, state, data, severity, title,
      assignee_role, assignee_id, config_version_id, version, next_due_at, overdue, created_at, updated_at, created_by, closed_at)
      values (?, 'complaint', ?, ?, null, ?, ?, 'registered', ?, null, null, 'supervisor', null, 1, 1, ?, false, ?, ?, ?, null) returning id`,
  insertEvent: `insert into case_event (company_id, case_id, type, transition, from_state, to_state, actor_id, actor_role, data, created_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  insertClock: `insert into case_deadline (company_id, case_id, key, started_at, due_at, duration, status, met_at, overdue_at, escalated_to_role, calendar_gap_years)
      values (?, ?, ?, ?, ?, ?, 'running', null, null, null, null)`,
  readCase: 'select data, version from work_case where id = ? and company_id = ?',
  updateCase: `update work_case set state = 'routed', data = ?, severity = ?, assignee_role = ?, version = version + 1, updated_at = ?, next_due_at = ?
      where id = ? and company_id = ? and version = ?`,
  stopClocks: "update case_deadline set status = 'met', met_at = ? where case_id = ? and company_id = ? and met_at is null",
  insertPayment: `insert into billing_payment (company_id, project_id, unit_id, receipt_no, method, amount_fen, reference, payer_name, received_at, cashier_id, allocations, credit_fen, closing_id, created_at)
      values (?, ?, ?, ?, ?, ?, null, null, ?, ?, '[]', ?, null, ?) returning id`,
  insertLedger: `insert into billing_ledger_entry (company_id, project_id, unit_id, account, kind, amount_fen, bill_id, payment_id, deposit_id, description, actor_id, occurred_at, method)
      values (?, ?, ?, 'credit', 'overpayment', ?, null, ?, null, ?, ?, ?, ?)`,
  insertAudit: "insert into audit_entry (company_id, actor_id, action, target, data, created_at) values (?, ?, 'payment', ?, ?, ?)",
};

function wuyeSqliteWrites(file: string): Writes {
  const db = new Database(file);
  durability(db);
  db.pragma('foreign_keys = ON'); // as core/db/orm.ts
  const s = Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, db.prepare(sql)])) as Record<keyof typeof SQL, Database.Statement>;
  return {
    create: db.transaction((b: Create) => {
      const now = Date.now();
      const value = (s.serial.get(1, 'serial:complaint:2026') as { value: number }).value;
      const serial = `TS-2026-${String(value).padStart(6, '0')}`;
      const data = JSON.stringify(b.data);
      const due = now + 30 * 60_000;
      const { id } = s.insertCase.get(1, serial, b.projectId, b.unitId ?? null, b.personId ?? null, data, due, now, now, 1) as { id: number };
      s.insertEvent.run(1, id, 'created', null, null, 'registered', 1, 'frontDesk', data, now);
      s.insertClock.run(1, id, 'forward', now, due, CLOCK_30_MIN);
      return { id, serial };
    }),
    classify: db.transaction((id: number, b: Classify) => {
      const row = s.readCase.get(id, 1) as { data: string; version: number } | undefined;
      if (!row || row.version !== b.version) return false;
      const now = Date.now();
      const due = now + 24 * 3_600_000;
      s.updateCase.run(JSON.stringify({ ...JSON.parse(row.data), ...b.data }), b.data.severity ?? null, 'engineering', now, due, id, 1, b.version);
      s.stopClocks.run(now, id, 1);
      s.insertClock.run(1, id, 'resolve', now, due, CLOCK_24_H);
      s.insertEvent.run(1, id, 'transition', 'classify', 'registered', 'routed', 1, 'supervisor', JSON.stringify(b.data), now);
      return true;
    }),
    pay: db.transaction((b: Pay) => {
      const now = Date.now();
      const value = (s.serial.get(1, 'receipt:2026') as { value: number }).value;
      const receiptNo = `SJ2026${String(value).padStart(6, '0')}`;
      const amount = fen(b.amount);
      const { id } = s.insertPayment.get(1, 1, b.unitId, receiptNo, b.method, amount, now, 1, amount, now) as { id: number };
      s.insertLedger.run(1, 1, b.unitId, amount, id, `预收款（收据 ${receiptNo}）`, 1, now, b.method);
      s.insertAudit.run(1, 1, `billing_payment:${id}`, JSON.stringify({ receiptNo, amount: b.amount, unitId: b.unitId }), now);
      return { id, receiptNo };
    }),
  };
}

function wuyePgWrites(url: string): Writes {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  let n = 0;
  const numbered = (sql: string) => sql.replace(/\?/g, () => `$${++n}`);
  const q = Object.fromEntries(Object.entries(SQL).map(([k, sql]) => { n = 0; return [k, numbered(sql)]; })) as Record<keyof typeof SQL, string>;
  async function tx<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await pool.connect();
    try {
      await c.query('begin');
      const out = await work(c);
      await c.query('commit');
      return out;
    } catch (err) {
      await c.query('rollback');
      throw err;
    } finally {
      c.release();
    }
  }
  return {
    create: (b) => tx(async (c) => {
      const now = new Date();
      const value = (await c.query(q.serial, [1, 'serial:complaint:2026'])).rows[0].value as number;
      const serial = `TS-2026-${String(value).padStart(6, '0')}`;
      const data = JSON.stringify(b.data);
      const due = new Date(now.getTime() + 30 * 60_000);
      const id = (await c.query(q.insertCase, [1, serial, b.projectId, b.unitId ?? null, b.personId ?? null, data, due, now, now, 1])).rows[0].id as number;
      await c.query(q.insertEvent, [1, id, 'created', null, null, 'registered', 1, 'frontDesk', data, now]);
      await c.query(q.insertClock, [1, id, 'forward', now, due, CLOCK_30_MIN]);
      return { id, serial };
    }),
    classify: (id, b) => tx(async (c) => {
      const row = (await c.query(q.readCase, [id, 1])).rows[0] as { data: Record<string, unknown>; version: number } | undefined;
      if (!row || row.version !== b.version) return false;
      const now = new Date();
      const due = new Date(now.getTime() + 24 * 3_600_000);
      const updated = await c.query(q.updateCase, [JSON.stringify({ ...row.data, ...b.data }), b.data.severity ?? null, 'engineering', now, due, id, 1, b.version]);
      if (updated.rowCount !== 1) return false;
      await c.query(q.stopClocks, [now, id, 1]);
      await c.query(q.insertClock, [1, id, 'resolve', now, due, CLOCK_24_H]);
      await c.query(q.insertEvent, [1, id, 'transition', 'classify', 'registered', 'routed', 1, 'supervisor', JSON.stringify(b.data), now]);
      return true;
    }),
    pay: (b) => tx(async (c) => {
      const now = new Date();
      await c.query('select pg_advisory_xact_lock($1, $2)', [1, b.unitId]); // as Wuye: one writer per unit ledger
      const value = (await c.query(q.serial, [1, 'receipt:2026'])).rows[0].value as number;
      const receiptNo = `SJ2026${String(value).padStart(6, '0')}`;
      const amount = fen(b.amount);
      const id = (await c.query(q.insertPayment, [1, 1, b.unitId, receiptNo, b.method, amount, now, 1, amount, now])).rows[0].id as number;
      await c.query(q.insertLedger, [1, 1, b.unitId, amount, id, `预收款（收据 ${receiptNo}）`, 1, now, b.method]);
      await c.query(q.insertAudit, [1, 1, `billing_payment:${id}`, JSON.stringify({ receiptNo, amount: b.amount, unitId: b.unitId }), now]);
      return { id, receiptNo };
    }),
  };
}

const writes = tables === 'minimal' ? minimalWrites() : arg('--url') ? wuyePgWrites(arg('--url')!) : wuyeSqliteWrites(arg('--sqlite')!);
const id32 = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;
const app = Fastify();
app.addHook('onRequest', async (request, reply) => {
  if (request.headers.authorization !== `Bearer ${TOKEN}`) return reply.status(401).send({ message: 'login required' });
});
app.post('/cases', {
  schema: {
    body: {
      type: 'object',
      properties: {
        projectId: id32, unitId: id32, personId: id32,
        data: {
          type: 'object',
          properties: { channel: { enum: ['phone', 'visit', 'wechat', 'letter'] }, complainantName: { type: 'string', maxLength: 50 }, contactPhone: { type: 'string', maxLength: 32 }, content: { type: 'string', maxLength: 2000 } },
          required: ['channel', 'complainantName', 'content'],
          additionalProperties: false,
        },
      },
      required: ['projectId', 'data'],
      additionalProperties: false,
    },
  },
}, async (request, reply) => {
  reply.status(201);
  return writes.create(request.body as Create);
});
app.post('/cases/:id/classify', {
  schema: {
    params: { type: 'object', properties: { id: id32 }, required: ['id'] },
    body: {
      type: 'object',
      properties: {
        version: { type: 'integer', minimum: 1 },
        data: {
          type: 'object',
          properties: { nature: { enum: ['valid', 'invalid', 'major', 'pending'] }, severity: { enum: ['minor', 'important', 'major'] }, category: { type: 'string', maxLength: 64 }, department: { type: 'string', maxLength: 64 } },
          required: ['nature', 'severity', 'category'],
          additionalProperties: false,
        },
      },
      required: ['version', 'data'],
      additionalProperties: false,
    },
  },
}, async (request, reply) => {
  const ok = await writes.classify((request.params as { id: number }).id, request.body as Classify);
  if (!ok) return reply.status(409).send({ message: 'stale version' });
  return { ok };
});
app.post('/payments', {
  schema: {
    body: {
      type: 'object',
      properties: { unitId: id32, amount: { type: 'string', pattern: '^\\d{1,9}(\\.\\d{1,2})?$' }, method: { enum: ['cash', 'transfer', 'pos', 'online'] } },
      required: ['unitId', 'amount', 'method'],
      additionalProperties: false,
    },
  },
}, async (request, reply) => {
  reply.status(201);
  return writes.pay(request.body as Pay);
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`READY ${JSON.stringify({ url, token: TOKEN })}`);
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
