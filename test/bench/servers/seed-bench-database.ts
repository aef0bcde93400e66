/**
 * Prepares a fresh database for the write-path benchmark: Wuye's schema (every plugin's tables) and
 * the demo company's registry — staff, projects, units, residents — but none of the demo cases or
 * bills (the server then starts with WUYE_NO_DEMO=1 on it, as a company's own data would be).
 * Prints one line `SEEDED {json}` with the ids the load needs.
 *
 *   tsx seed-bench-database.ts --sqlite <file>   |   tsx seed-bench-database.ts --url postgres://…
 */
import { startKernel } from '../../../core/kernel.js';
import { seedRegistry } from '../../../core/registry/seed-registry.js';
import { demoRegistry } from '../../../core/server/first-start.js';

const args = process.argv.slice(2);
const sqlitePath = args[args.indexOf('--sqlite') + 1];
const url = args.includes('--url') ? args[args.indexOf('--url') + 1] : undefined;
const kernel = await startKernel({ database: url ? { url } : { sqlitePath }, jobTimers: false });
const reg = await seedRegistry(kernel.orm, kernel.configs, demoRegistry());
const project = reg.projects.get('CH')!;
const seeded = {
  companyId: reg.company.id,
  projectId: project.id,
  unitId: reg.units.get('CH/1/101')!.id,
  personId: reg.people.get('张伟')!.id,
  // payments go round the project's units: on PostgreSQL each unit's ledger is locked per payment
  paymentUnitIds: [...reg.units.entries()].filter(([code]) => code.startsWith('CH/')).map(([, u]) => u.id),
};
await kernel.close();
console.log(`SEEDED ${JSON.stringify(seeded)}`);
