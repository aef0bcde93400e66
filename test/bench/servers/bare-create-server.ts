/**
 * The baseline of the create benchmark: fastify + better-sqlite3 doing what a case creation must
 * at minimum — check a bearer token, validate the body with a JSON Schema, insert the case and its
 * event in one transaction. No ORM, no configuration, no rules.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';

const db = new Database(path.join(mkdtempSync(path.join(os.tmpdir(), 'wuye-bare-')), 'bare.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`create table work_case (id integer primary key autoincrement, company_id integer not null, case_type text not null, serial text not null,
  project_id integer not null, state text not null, data json not null, version integer not null, created_at datetime not null);
  create table case_event (id integer primary key autoincrement, company_id integer not null, case_id integer not null, type text not null, data json not null, created_at datetime not null);`);
const insertCase = db.prepare('insert into work_case (company_id, case_type, serial, project_id, state, data, version, created_at) values (?, ?, ?, ?, ?, ?, 1, ?)');
const insertEvent = db.prepare('insert into case_event (company_id, case_id, type, data, created_at) values (?, ?, ?, ?, ?)');
let serial = 0;
const create = db.transaction((projectId: number, data: unknown) => {
  const now = new Date().toISOString();
  const json = JSON.stringify(data);
  const { lastInsertRowid } = insertCase.run(1, 'complaint', `TS-2026-${String(++serial).padStart(6, '0')}`, projectId, 'registered', json, now);
  insertEvent.run(1, lastInsertRowid, 'created', json, now);
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
