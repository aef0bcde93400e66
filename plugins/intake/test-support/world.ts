/** A test kernel with intake and its dependencies on the demo company, and helpers to drive cases over HTTP. */
import { expect } from 'vitest';
import { startTestKernel, demoRegistry, type SeededRegistry, type TestKernel } from '../../../core/testing/harness.js';

export interface CaseBody {
  id: number;
  serial: string;
  state: string;
  version: number;
  unitId: number | null;
  data: Record<string, unknown>;
  assigneeRole: string | null;
  availableTransitions: string[];
  deadlines: { key: string; dueAt: string; status: string; escalatedToRole?: string | null }[];
}
export interface ErrorBody { statusCode: number; code: string; message: string; issues: { pointer: string; code: string; message: string }[] }

export const SIGNATURE = `data:image/png;base64,${'iVBORw0KGgo'.repeat(4)}`;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
export const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

export const USERS = ['frontdesk', 'concierge', 'assistant', 'supervisor', 'manager', 'technician', 'engineering', 'security', 'cashier', 'finance', 'frontdesk-jr'] as const;

export interface World {
  kernel: TestKernel;
  reg: SeededRegistry;
  other: SeededRegistry;
  tokens: Record<string, string>;
  project(code?: string): number;
  unit(key: string): number;
  upload(as: string): Promise<string>;
  create(caseType: string, unitKey: string | null, data: Record<string, unknown>, as?: string): Promise<CaseBody>;
  createRaw(caseType: string, body: Record<string, unknown>, as?: string): ReturnType<TestKernel['call']>;
  get(caseType: string, id: number, as?: string): Promise<CaseBody>;
  attempt(caseType: string, as: string, c: { id: number; version: number }, transition: string, data?: Record<string, unknown>): ReturnType<TestKernel['call']>;
  take(caseType: string, as: string, c: { id: number; version: number }, transition: string, data?: Record<string, unknown>): Promise<CaseBody>;
  now(): string;
}

/** A second company (BETA, projects BCH/BJR, staff b-*) for foreign-id checks. */
function secondCompany() {
  const doc = demoRegistry();
  const codes: Record<string, string> = { CH: 'BCH', JR: 'BJR' };
  doc.company = { code: 'BETA', name: '贝塔物业管理有限公司' };
  doc.projects = doc.projects.map((p) => ({ ...p, code: codes[p.code]!, name: `贝塔${p.name}` }));
  doc.staff = doc.staff.map((s) => ({ ...s, username: `b-${s.username}`, projects: s.projects === '*' ? '*' : s.projects.map((c) => codes[c]!) }));
  return doc;
}

export async function intakeWorld(startAt: Date): Promise<World> {
  const kernel = await startTestKernel({ plugins: ['service-desk', 'billing', 'paid-services', 'intake'], startAt });
  const reg = await kernel.seed();
  const other = await kernel.seed(secondCompany());
  const tokens: Record<string, string> = {};
  for (const u of USERS) tokens[u] = await kernel.login(u);
  tokens['b-frontdesk'] = await kernel.login('b-frontdesk');
  const w: World = {
    kernel, reg, other, tokens,
    project: (code = 'CH') => reg.projects.get(code)!.id,
    unit: (key) => reg.units.get(key)!.id,
    async upload(as) {
      const boundary = `----wuye${Math.random().toString(16).slice(2)}`;
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.png"\r\nContent-Type: image/png\r\n\r\n`), PNG, Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await kernel.app.inject({ method: 'POST', url: '/api/attachments', headers: { authorization: `Bearer ${tokens[as]}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: string }).id;
    },
    createRaw: (caseType, body, as = 'frontdesk') => kernel.call(tokens[as]!, 'POST', `/api/cases/${caseType}`, body),
    async create(caseType, unitKey, data, as = 'frontdesk') {
      const unitId = unitKey ? reg.units.get(unitKey)!.id : null;
      const projectId = unitKey ? reg.projects.get(unitKey.split('/')[0]!)!.id : reg.projects.get('CH')!.id;
      const res = await w.createRaw(caseType, { projectId, unitId, data }, as);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as CaseBody;
    },
    async get(caseType, id, as = 'supervisor') {
      const res = await kernel.call(tokens[as]!, 'GET', `/api/cases/${caseType}/${id}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as CaseBody;
    },
    attempt: (caseType, as, c, transition, data) => kernel.call(tokens[as]!, 'POST', `/api/cases/${caseType}/${c.id}/transitions/${transition}`, { version: c.version, ...(data ? { data } : {}) }),
    async take(caseType, as, c, transition, data) {
      const res = await w.attempt(caseType, as, c, transition, data);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as CaseBody;
    },
    now: () => kernel.clock.now().toISOString(),
  };
  return w;
}

/** Answers a check's checklist: every item ok except those given as defects. */
export async function answer(w: World, check: 'moveIn' | 'moveOut' | 'vacant', defects: Record<string, string> = {}): Promise<Record<string, unknown>[]> {
  const res = await w.kernel.call(w.tokens.engineering!, 'GET', `/api/intake/checklists/${check}?projectId=${w.project()}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { code: string }[] }).items.map(({ code }) => (defects[code] ? { item: code, result: 'defect', defect: defects[code] } : { item: code, result: 'ok' }));
}
