/**
 * What the server does with the database before it listens, by mode (run-mode.ts):
 *
 * - development: an empty database gets the demo company (its accounts' password is wuye2026), so a
 *   newcomer's `npm start` shows a working system. Several instances starting on one empty
 *   PostgreSQL database seed it once: the count is taken again under a lock held across instances.
 * - production: never seeds; refuses to start while an active account still has the demo password.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Company, Staff } from '../db/entities/index.js';
import { withExclusiveLock } from '../db/exclusive-lock.js';
import { verifyPassword } from '../auth/passwords.js';
import { ROOT_DIR, type Kernel } from '../kernel.js';
import { seedRegistry, type RegistryDocument } from '../registry/seed-registry.js';

export const DEMO_PASSWORD = 'wuye2026';

export function demoRegistry(): RegistryDocument {
  return JSON.parse(readFileSync(path.join(ROOT_DIR, 'plugins/service-desk/demo/registry.json'), 'utf8')) as RegistryDocument;
}

/** Seeds the demo company when no company exists yet; true when this call seeded it. */
export async function seedDemoOnEmptyDatabase(kernel: Kernel): Promise<boolean> {
  const seeded = await withExclusiveLock(kernel.orm, 'first-start-seed', async () => {
    // counted inside the lock: another instance may have seeded while this one waited
    if ((await kernel.orm.em.fork().count(Company, {})) > 0) return false;
    const registry = await seedRegistry(kernel.orm, kernel.configs, demoRegistry());
    await kernel.seedDemoData(registry.company.id);
    return true;
  });
  return seeded === true;
}

/** A start-up refusal: printed as one line, exit code 1. */
export class StartRefused extends Error {}

/**
 * Production: the usernames of active demo accounts (the demo seed's usernames, in any company)
 * whose password is still the demo one. Only those: argon2 checks each hash (~tens of ms), so
 * checking every account would make the start grow with the staff; a company's own accounts got
 * their passwords through the password policy.
 */
export async function accountsWithDemoPassword(kernel: Kernel): Promise<string[]> {
  const usernames = demoRegistry().staff.map((s) => s.username);
  const staff = await kernel.orm.em.fork().find(Staff, { active: true, username: { $in: usernames } }, { fields: ['username', 'passwordHash'], orderBy: { id: 'asc' } });
  const found: string[] = [];
  const BATCH = 4;
  for (let i = 0; i < staff.length; i += BATCH) {
    const batch = staff.slice(i, i + BATCH);
    const matches = await Promise.all(batch.map((s) => verifyPassword(s.passwordHash, DEMO_PASSWORD)));
    batch.forEach((s, j) => { if (matches[j]) found.push(s.username); });
  }
  return found;
}

export async function refuseDemoPasswords(kernel: Kernel): Promise<void> {
  const accounts = await accountsWithDemoPassword(kernel);
  if (accounts.length === 0) return;
  const shown = accounts.slice(0, 10).join(', ') + (accounts.length > 10 ? ` and ${accounts.length - 10} more` : '');
  throw new StartRefused(`refusing to start in production: ${accounts.length} active account(s) still have the demo password ${DEMO_PASSWORD} (${shown}); change their passwords or deactivate them`);
}
