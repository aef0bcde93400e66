/**
 * Benchmark of the staff app: (1) the initial JS + CSS the browser must load before the first
 * screen (the entry and what it preloads), gzipped — target ≤ 300 KB; (2) time from navigation to
 * the first rows of a case list over 10,000 cases — target < 1 s — in headless Chromium.
 *
 *   npm run build:ui && npm run bench:ui
 */
import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { UI_DIST } from '../../core/http/static-app.js';
import { startBrowserHarness } from '../browser/browser-harness.js';

const CASES = Number(process.env.BENCH_CASES ?? 10_000);

function initialAssets(): { file: string; gz: number }[] {
  const html = readFileSync(path.join(UI_DIST, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return [...new Set(refs)].map((file) => ({ file, gz: gzipSync(readFileSync(path.join(UI_DIST, file))).length }));
}

const assets = initialAssets();
const totalKb = assets.reduce((n, a) => n + a.gz, 0) / 1024;
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, Chromium (Debian)`);
console.log(`initial JS + CSS (gzip): ${totalKb.toFixed(1)} KB in ${assets.length} files`);
for (const a of assets) console.log(`  ${a.file} ${(a.gz / 1024).toFixed(1)} KB`);

const h = await startBrowserHarness({ plugins: ['service-desk', 'complaints'] });
try {
  const conn = h.kernel.orm.em.getConnection();
  const ch = h.registry.projects.get('CH')!.id;
  await conn.execute(`
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${CASES})
    insert into work_case (company_id, case_type, serial, project_id, building_id, unit_id, person_id, state, data, severity, title,
      assignee_role, assignee_id, config_version_id, version, next_due_at, overdue, created_at, updated_at, created_by, closed_at)
    select 1, 'complaint', 'TS-2026-' || printf('%07d', i + 100), ${ch}, null, null, null,
      case i % 3 when 0 then 'registered' when 1 then 'routed' else 'closed' end,
      '{"channel":"phone","complainantName":"张伟","content":"楼道灯坏了"}', 'minor', '楼道灯坏了 ' || i, 'supervisor', null, 1, 1,
      null, 0, ${Date.now()} - i * 60000, ${Date.now()} - i * 60000, 1, null
    from n`);
  const page = await h.newPage();
  // log in once through the UI, then time a fresh navigation to the list
  await page.goto(`${h.baseUrl}/`);
  await page.fill('input[name="username"]', 'supervisor');
  await page.fill('input[name="password"]', 'wuye2026');
  await page.click('button[type="submit"]');
  await page.waitForLoadState('networkidle');
  // what the browser requests (sent gzip-compressed) to show the list, with its cache disabled
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let transferred = 0;
  const counted: string[] = [];
  const onFinished = (req: import('playwright-core').Request) => {
    if (!/\.(js|css)$/.test(new URL(req.url()).pathname)) return;
    // preloaded modules report no body size to the page: count the .gz the server sends for each
    const file = new URL(req.url()).pathname.replace(/^\//, '');
    const gz = statSync(path.join(UI_DIST, `${file}.gz`)).size;
    transferred += gz;
    counted.push(`${file} ${(gz / 1024).toFixed(1)} KB`);
  };
  page.on('requestfinished', onFinished);
  await page.goto('about:blank');
  await page.goto(`${h.baseUrl}/#/cases/complaint`);
  await page.locator('wy-case-table tbody tr').first().waitFor();
  await page.waitForLoadState('networkidle');
  page.off('requestfinished', onFinished);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  console.log(`JS + CSS downloaded to show the case list (cold cache): ${(transferred / 1024).toFixed(1)} KB in ${counted.length} files`);
  for (const c of counted) console.log(`  ${c}`);

  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.goto('about:blank');
    const t = performance.now();
    await page.goto(`${h.baseUrl}/#/cases/complaint`);
    await page.locator('wy-case-table tbody tr').first().waitFor();
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  console.log(`first page of the complaint list over ${CASES.toLocaleString('en')} cases: median ${runs[2]!.toFixed(0)} ms (min ${runs[0]!.toFixed(0)}, max ${runs[4]!.toFixed(0)}), cold navigation incl. loading the app`);
} finally {
  await h.close();
}
