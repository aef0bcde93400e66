/**
 * `npm run wuye -- billing:run --company <code> --period <key> [--project <code>]`: runs the billing
 * with a progress bar on stderr and prints one summary line on stdout. Exit codes: 0 done, 2 bad
 * arguments or unknown company / project / period, 1 a database error (one line, never the SQL).
 * While another run of the company is in progress (another terminal, instance or the API), it
 * says so in one line on stderr and waits for it.
 */
import cliProgress from 'cli-progress';
import { DriverException } from '@mikro-orm/core';
import { WuyeError, type PluginCommand, type PluginServices } from '../../../core/plugin-api.js';
import { runBilling } from './billing-run.js';
import { knexOf } from './sql.js';

export const USAGE = 'billing:run --company <code> --period <key, e.g. 2026-12 | 2027-Q1 | 2027-H1> [--project <code>]';

function parseArgs(args: string[]): { company?: string; period?: string; project?: string; problem?: string } {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i]!;
    const value = args[i + 1];
    if (!['--company', '--period', '--project'].includes(flag) || value === undefined || value.startsWith('--')) return { problem: `unexpected argument "${flag}"` };
    out[flag.slice(2)] = value;
  }
  return out;
}

export const billingRunCommand: PluginCommand = {
  summary: 'Bill every unit of a company (or one project) for a period; idempotent and resumable',
  usage: USAGE,
  async run(args: string[], services: PluginServices): Promise<number> {
    const parsed = parseArgs(args);
    if (parsed.problem || !parsed.company || !parsed.period) {
      console.error(`${parsed.problem ?? 'missing --company or --period'}\nusage: npm run wuye -- ${USAGE}`);
      return 2;
    }
    const knex = knexOf(services);
    const company = await knex('company').select('id').where({ code: parsed.company }).first();
    if (!company) {
      console.error(`unknown company "${parsed.company}"`);
      return 2;
    }
    let projectId: number | null = null;
    if (parsed.project) {
      const project = await knex('project').select('id').where({ company_id: company.id, code: parsed.project }).first();
      if (!project) {
        console.error(`unknown project "${parsed.project}" of company ${parsed.company}`);
        return 2;
      }
      projectId = Number(project.id);
    }
    const bar = new cliProgress.SingleBar({
      stream: process.stderr,
      format: `billing ${parsed.period} [{bar}] {percentage}% | {value}/{total} units | {bills} bills`,
      hideCursor: false,
      noTTYOutput: true,
      notTTYSchedule: 1000,
    }, cliProgress.Presets.shades_classic);
    let started = false;
    try {
      const outcome = await runBilling(services, {
        companyId: Number(company.id), projectId, periodKey: parsed.period,
        onWait: () => console.error(`billing:run: another billing run of company ${parsed.company} is in progress; waiting for it to finish…`),
        onProgress: (p) => {
          if (!started) { bar.start(p.unitsTotal, 0, { bills: p.billsCreated }); started = true; }
          bar.setTotal(p.unitsTotal);
          bar.update(p.unitsDone, { bills: p.billsCreated });
        },
      });
      if (started) bar.stop();
      console.log(
        `billing:run ${parsed.company}${parsed.project ? `/${parsed.project}` : ''} ${parsed.period}: ${outcome.unitsSeen} units, ${outcome.billsCreated} bills created, `
        + `${outcome.alreadyBilled} already billed, ${outcome.nothingToBill} nothing to bill, ${outcome.lateFees} late fees, ${outcome.seconds.toFixed(2)} s `
        + `(run #${outcome.run.id} ${outcome.run.status}${outcome.resumed ? ', resumed' : ''})`,
      );
      return 0;
    } catch (error) {
      if (started) bar.stop();
      if (error instanceof WuyeError && error.statusCode < 500) {
        console.error(`${error.message}${error.issues.length ? ` (${error.issues.map((i) => i.pointer).join(', ')})` : ''}`);
        return 2;
      }
      if (error instanceof DriverException) {
        // a driver error carries its whole SQL statement (83 KB for a batch of bills): one line instead
        const reason = (error.message.split(' - ').pop() ?? error.message).slice(0, 300);
        console.error(`billing:run ${parsed.company} ${parsed.period} stopped by a database error (${error.name}): ${reason}; run it again: it continues where it stopped`);
        return 1;
      }
      throw error;
    }
  },
};
