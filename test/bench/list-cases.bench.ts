/**
 * Benchmark: list pages must cost the same at 1,000,000 cases as at 10,000 (keyset pages over
 * indexes, no full counts). Fills a fresh SQLite database with N complaint cases in bulk, then
 * times the first page, a deep page (by cursor) and filtered pages through the real HTTP routes.
 *
 *   npm run bench:list                  (10,000 and 1,000,000 cases)
 *   BENCH_SIZES=10000,100000 npm run bench:list
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startKernel } from '../../core/kernel.js';
import { seedRegistry } from '../../core/registry/seed-registry.js';
import { demoRegistry } from '../../core/testing/harness.js';

const sizes = (process.env.BENCH_SIZES ?? '10000,1000000').split(',').map(Number);
const REPEAT = 200;

async function run(size: number) {
  const kernel = await startKernel({ database: { sqlitePath: path.join(mkdtempSync(path.join(os.tmpdir(), 'wuye-list-')), 'wuye.sqlite') }, plugins: ['service-desk', 'complaints'] });
  const reg = await seedRegistry(kernel.orm, kernel.configs, demoRegistry());
  const conn = kernel.orm.em.getConnection();
  const ch = reg.projects.get('CH')!.id;
  const jr = reg.projects.get('JR')!.id;
  const started = Date.now();
  // Bulk fill in SQL: realistic spread of projects, states, severities, assignees and dates.
  await conn.execute(`
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${size})
    insert into work_case (company_id, case_type, serial, project_id, building_id, unit_id, person_id, state, data, severity, title,
      assignee_role, assignee_id, config_version_id, version, next_due_at, overdue, created_at, updated_at, created_by, closed_at)
    select 1, 'complaint', 'TS-2026-' || printf('%07d', i), case when i % 3 = 0 then ${jr} else ${ch} end, null, null, null,
      case i % 5 when 0 then 'registered' when 1 then 'routed' when 2 then 'handled' when 3 then 'replied' else 'closed' end,
      '{"channel":"phone","complainantName":"张伟","content":"楼道灯坏了"}', case i % 3 when 0 then 'minor' when 1 then 'important' else 'major' end,
      '楼道灯坏了 ' || i, case i % 4 when 0 then 'manager' else 'supervisor' end, null, 1, 1,
      1790000000000 + i * 60000, i % 17 = 0, 1780000000000 + i * 30000, 1780000000000 + i * 30000, 1, case when i % 5 = 4 then 1780000000000 + i * 30000 else null end
    from n`);
  await conn.execute('analyze');
  const fillSeconds = (Date.now() - started) / 1000;
  const token = (await kernel.sessions.create(reg.staff.get('manager')!)).token;
  const time = async (label: string, url: string) => {
    const get = () => kernel.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    const first = await get();
    if (first.statusCode !== 200) throw new Error(`${url}: ${first.statusCode} ${first.body}`);
    const t = performance.now();
    for (let i = 0; i < REPEAT; i++) await get();
    return { label, ms: (performance.now() - t) / REPEAT, items: (first.json() as { items: unknown[] }).items.length };
  };
  const deepCursor = Math.floor(size / 2);
  const results = [
    await time('first page', '/api/cases/complaint?limit=20'),
    await time('page at the middle (cursor)', `/api/cases/complaint?limit=20&cursor=${deepCursor}`),
    await time('state=routed', '/api/cases/complaint?state=routed&limit=20'),
    await time('project + state', `/api/cases/complaint?projectId=${jr}&state=handled&limit=20`),
    await time('overdue, assigned to manager', '/api/cases/complaint?overdue=true&assigneeRole=manager&limit=20'),
  ];
  await kernel.close();
  return { size, fillSeconds, results };
}

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; SQLite file (WAL), ${REPEAT} requests per figure via inject()`);
for (const size of sizes) {
  const r = await run(size);
  console.log(`\n${r.size.toLocaleString('en')} cases (filled in ${r.fillSeconds.toFixed(1)} s):`);
  for (const x of r.results) console.log(`  ${x.label.padEnd(32)} ${x.ms.toFixed(2)} ms/page (${x.items} items)`);
}
