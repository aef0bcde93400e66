/**
 * The baseline of the create benchmark: fastify + better-sqlite3 doing what a case creation must
 * at minimum — check a bearer token, validate the body with a JSON Schema, insert the case and its
 * event in one transaction — into the same tables (same columns and indexes, made by Wuye's own
 * migrations). No ORM, no configuration, no rules, no clocks.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { openDatabase } from '../../../core/db/orm.js';

const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wuye-bare-')), 'bare.sqlite');
await (await openDatabase({ sqlitePath: file })).close(true); // Wuye's schema, then plain better-sqlite3
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
const insertCase = db.prepare(`insert into work_case (company_id, case_type, serial, project_id, state, data, version, overdue, created_at, updated_at, created_by)
  values (1, 'complaint', ?, ?, 'registered', ?, 1, 0, ?, ?, 1)`);
const insertEvent = db.prepare(`insert into case_event (company_id, case_id, type, to_state, actor_id, data, created_at) values (1, ?, 'created', 'registered', 1, ?, ?)`);
let serial = 0;
const create = db.transaction((projectId: number, data: unknown) => {
  const now = Date.now();
  const json = JSON.stringify(data);
  const { lastInsertRowid } = insertCase.run(`TS-2026-${String(++serial).padStart(6, '0')}`, projectId, json, now, now);
  insertEvent.run(lastInsertRowid, json, now);
  return Number(lastInsertRowid);
});

const app = Fastify();
const TOKEN = 'bench-token';
app.post('/cases', {
  schema: {
    body: {
      type: 'object',
      properties: {
        projectId: { type: 'integer' },
        data: {
          type: 'object',
          properties: { channel: { enum: ['phone', 'visit'] }, complainantName: { type: 'string', maxLength: 50 }, contactPhone: { type: 'string', maxLength: 32 }, content: { type: 'string', maxLength: 2000 } },
          required: ['channel', 'complainantName', 'content'],
          additionalProperties: false,
        },
      },
      required: ['projectId', 'data'],
      additionalProperties: false,
    },
  },
}, async (request, reply) => {
  if (request.headers.authorization !== `Bearer ${TOKEN}`) return reply.status(401).send({ message: 'login required' });
  const body = request.body as { projectId: number; data: unknown };
  reply.status(201);
  return { id: create(body.projectId, body.data) };
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
const body = JSON.stringify({ projectId: 1, data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '楼道灯坏了三天没人修' } });
console.log(`READY ${JSON.stringify({ url: `${url}/cases`, token: TOKEN, body })}`);
