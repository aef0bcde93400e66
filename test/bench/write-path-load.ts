/**
 * One measured round of the write-path benchmark: autocannon against one server and one operation,
 * the server's CPU time read from /proc before and after. Transitions each take a case of their
 * own, registered beforehand (unmeasured) through the same server's create route.
 */
import autocannon from 'autocannon';
import { cpuMs, type Op, type Target } from './write-path-servers.js';

export interface RoundResult { rps: number; p50: number; p99: number; cpuPerRequestMs: number; ok: number }

export const COMPLAINT = { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '楼道灯坏了三天没人修' }; // test data
const CLASSIFICATION = { nature: 'valid', severity: 'minor', category: 'repair' };

function createBody(t: Target): string {
  return JSON.stringify({ projectId: t.seeded.projectId, unitId: t.seeded.unitId, personId: t.seeded.personId, data: COMPLAINT });
}

function headers(t: Target, op: Op): Record<string, string> {
  return { 'content-type': 'application/json', authorization: `Bearer ${t.tokens[op]}` };
}

/** Cases ready to classify: id and the version the transition must name. */
export type CasePool = Array<{ id: number; version: number }>;

/** Registers `count` complaints (not measured) and returns them for transitions. */
export async function precreate(t: Target, count: number): Promise<CasePool> {
  const pool: CasePool = [];
  let failed = 0;
  await autocannon({
    url: t.base, connections: 10, amount: count,
    requests: [{
      method: 'POST', path: t.createPath, headers: headers(t, 'create'), body: createBody(t),
      onResponse: (status: number, body: string) => {
        if (status !== 201) { failed++; return; }
        const c = JSON.parse(body) as { id: number; version?: number };
        pool.push({ id: c.id, version: c.version ?? 1 });
      },
    }] as never,
  });
  if (failed) throw new Error(`${t.name}: ${failed} of ${count} precreated cases failed`);
  return pool;
}

export async function round(t: Target, op: Op, connections: number, seconds: number, pool?: CasePool): Promise<RoundResult> {
  let next = 0;
  let instance: autocannon.Instance | undefined;
  let exhausted = false;
  let exhaustedAt: bigint | undefined;
  const units = t.seeded.paymentUnitIds;
  const request = op === 'create'
    ? { method: 'POST', path: t.createPath, headers: headers(t, op), body: createBody(t) }
    : op === 'transition'
      ? {
        method: 'POST', path: t.transitionPath(1), headers: headers(t, op),
        setupRequest: (req: Record<string, unknown>) => {
          const c = pool![next++];
          if (!c) {
            // every registered case is taken: end the round here (the rate is counted over the time it ran)
            if (!exhausted) { exhausted = true; exhaustedAt = process.hrtime.bigint(); setImmediate(() => instance?.stop()); }
            return { ...req, path: t.transitionPath(pool![pool!.length - 1]!.id), body: JSON.stringify({ version: 1, data: CLASSIFICATION }) };
          }
          return { ...req, path: t.transitionPath(c.id), body: JSON.stringify({ version: c.version, data: CLASSIFICATION }) };
        },
      }
      : {
        method: 'POST', path: t.paymentPath, headers: headers(t, op),
        // round the project's units: payments of one unit are serialised by its ledger lock
        setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify({ unitId: units[next++ % units.length], amount: '100.00', method: 'cash' }) }),
      };
  const cpuBefore = cpuMs(t.pid);
  const started = process.hrtime.bigint();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon({ url: t.base, connections, duration: seconds, requests: [request] as never }, (err, res) => (err ? reject(err) : resolve(res)));
  });
  const elapsedS = Number((exhaustedAt ?? process.hrtime.bigint()) - started) / 1e9;
  const cpu = cpuMs(t.pid) - cpuBefore;
  const ok = result['2xx'];
  // after the pool ran out, the requests sent until autocannon stops repeat the last case and answer 409
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0 && !exhausted) throw new Error(`${t.name} ${op}: ${failed} failed of ${ok + failed} requests`);
  // no request answered (a machine too loaded for the round): no CPU figure rather than an infinite one
  return { rps: ok / elapsedS, p50: result.latency.p50, p99: result.latency.p99, cpuPerRequestMs: ok ? cpu / ok : Number.NaN, ok };
}
