/** The Wuye side of the create benchmark: the real kernel on a fresh SQLite file with the demo company. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startKernel } from '../../../core/kernel.js';
import { seedRegistry } from '../../../core/registry/seed-registry.js';
import { demoRegistry } from '../../../core/testing/harness.js';

const kernel = await startKernel({ database: { sqlitePath: path.join(mkdtempSync(path.join(os.tmpdir(), 'wuye-bench-')), 'wuye.sqlite') }, plugins: ['service-desk', 'complaints'] });
const reg = await seedRegistry(kernel.orm, kernel.configs, demoRegistry());
const session = await kernel.sessions.create(reg.staff.get('frontdesk')!);
const url = await kernel.app.listen({ port: 0, host: '127.0.0.1' });
const body = JSON.stringify({
  projectId: reg.projects.get('CH')!.id, unitId: reg.units.get('CH/1/101')!.id, personId: reg.people.get('张伟')!.id,
  data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '楼道灯坏了三天没人修' },
});
console.log(`READY ${JSON.stringify({ url: `${url}/api/cases/complaint`, token: session.token, body })}`);
process.on('SIGINT', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
