/**
 * The run's HTTP routes under /api/billing: fee preview (the admin editor's dry run), the billing
 * calendar, billing runs, and meter readings. Money travels as decimal strings in yuan.
 */
import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import {
  ForbiddenError, MoneyDecimal, RuleRefusedError, errorResponses, formatMoney, fromFen, type PluginServices, type Principal,
} from '../../../core/plugin-api.js';
import { nextPeriod, periodContaining, periodOf } from '../domain/cycle-calendar.js';
import { computeFeeLines } from '../domain/fee-lines.js';
import type { BillingSettings } from '../generated/settings.js';
import { runBilling, runView } from './billing-run.js';
import { checkedDraft } from './draft-settings.js';
import { knexOf, readTime, sqlTime } from './sql.js';

const DECIMAL = '^\\d{1,9}(\\.\\d{1,3})?$';
const AREA = '^\\d{1,7}(\\.\\d{1,2})?$';
const METERS = ['water', 'electricity', 'gas'] as const;
const dateString = { type: 'string', format: 'date', maxLength: 10 } as const;
const periodKeySchema = { type: 'string', minLength: 1, maxLength: 16 } as const;

export function yuan(fen: number): string {
  return formatMoney(fromFen(BigInt(fen)));
}

async function requireAny(services: PluginServices, principal: Principal, permissions: string[]): Promise<void> {
  for (const p of permissions) if (await services.hasPermission(principal, p)) return;
  throw new ForbiddenError(`one of the permissions ${permissions.join(', ')} is required`);
}

async function settingsOf(services: PluginServices, companyId: number): Promise<{ settings: BillingSettings; timezone: string }> {
  const config = await services.configFor(companyId);
  return { settings: config.settings as unknown as BillingSettings, timezone: config.calendar.timezone };
}

function todayIn(services: PluginServices, timezone: string): string {
  return DateTime.fromJSDate(services.now(), { zone: timezone }).toISODate()!;
}

export async function runRoutes(app: FastifyInstance, services: PluginServices): Promise<void> {
  app.post('/preview', {
    schema: {
      tags: ['billing'], summary: 'Fee dry run: the lines a unit would be billed for a period, under the settings in force or a draft',
      body: {
        type: 'object',
        properties: {
          settings: { type: 'object', description: 'a draft of the billing settings; default: the settings in force' },
          unit: {
            type: 'object',
            properties: { area: { type: 'string', pattern: AREA }, unitType: { type: 'string', minLength: 1, maxLength: 32 }, status: { type: 'string', enum: ['occupied', 'vacant', 'entrusted'] } },
            required: ['area', 'unitType', 'status'], additionalProperties: false,
          },
          periodKey: periodKeySchema,
          consumption: { type: 'object', properties: Object.fromEntries(METERS.map((m) => [m, { type: 'string', pattern: DECIMAL }])), additionalProperties: false },
        },
        required: ['unit', 'periodKey'], additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = services.principal(request);
    await requireAny(services, principal, ['config.edit', 'billing.view']);
    const body = request.body as { settings?: unknown; unit: { area: string; unitType: string; status: string }; periodKey: string; consumption?: Record<string, string> };
    const settings = body.settings === undefined ? (await settingsOf(services, principal.companyId)).settings : checkedDraft(body.settings);
    const period = periodOf(settings, body.periodKey);
    const consumption = Object.fromEntries(Object.entries(body.consumption ?? {}).map(([meter, quantity]) => [meter, { quantity }]));
    const { lines, totalFen } = computeFeeLines(settings, body.unit, period, { consumption });
    return {
      period,
      lines: lines.map((l) => ({ feeCode: l.feeCode, title: l.title, kind: l.kind, quantity: l.quantity, unitPrice: l.unitPrice, factor: l.factor, amount: yuan(l.amountFen), rateFrom: l.rateFrom })),
      total: yuan(totalFen),
    };
  });

  app.get('/periods', {
    schema: {
      tags: ['billing'], summary: 'The billing cycle in force and the current and next periods with their notice dates',
      querystring: { type: 'object', properties: { at: dateString }, additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = services.principal(request);
    await requireAny(services, principal, ['billing.view', 'config.edit']);
    const { settings, timezone } = await settingsOf(services, principal.companyId);
    const at = (request.query as { at?: string }).at ?? todayIn(services, timezone);
    const current = periodContaining(settings, at);
    return { cycle: settings.cycle, current, next: nextPeriod(settings, current) };
  });

  app.post('/runs', {
    schema: {
      tags: ['billing'], summary: 'Run the billing for a period (all projects, or one); idempotent, continues an unfinished run',
      body: {
        type: 'object',
        properties: { periodKey: periodKeySchema, projectId: { type: 'integer', minimum: 1, maximum: 2147483647 } },
        required: ['periodKey'], additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = services.principal(request);
    await services.requirePermission(principal, 'billing.run');
    const body = request.body as { periodKey: string; projectId?: number };
    if (body.projectId !== undefined) await services.projectFor(principal, body.projectId);
    else if ((await services.projectScope(principal)) !== null) throw new ForbiddenError('a run for every project needs access to all projects; name a projectId');
    // an HTTP request does not wait for a run that may take minutes: 409, try again later
    const outcome = await runBilling(services, { companyId: principal.companyId, projectId: body.projectId ?? null, periodKey: body.periodKey, whenBusy: 'refuse' });
    return { run: outcome.run, created: outcome.billsCreated, alreadyBilled: outcome.alreadyBilled, lateFees: outcome.lateFees };
  });

  app.get('/runs', {
    schema: {
      tags: ['billing'], summary: 'Billing runs, newest first',
      querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 100, default: 50 } }, additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = services.principal(request);
    await services.requirePermission(principal, 'billing.view');
    const scope = await services.projectScope(principal);
    const q = knexOf(services)('billing_run').where({ company_id: principal.companyId }).orderBy('id', 'desc').limit((request.query as { limit: number }).limit);
    if (scope !== null) q.whereIn('project_id', scope);
    return { items: (await q).map(runView) };
  });

  app.post('/meter-readings', {
    schema: {
      tags: ['billing'], summary: 'Record a meter reading; it may not be lower than an earlier reading of the same meter',
      body: {
        type: 'object',
        properties: {
          unitId: { type: 'integer', minimum: 1, maximum: 2147483647 }, meter: { type: 'string', enum: [...METERS] },
          reading: { type: 'string', pattern: DECIMAL }, readOn: dateString,
        },
        required: ['unitId', 'meter', 'reading', 'readOn'], additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request, reply) => {
    const principal = services.principal(request);
    await services.requirePermission(principal, 'billing.collect');
    const body = request.body as { unitId: number; meter: string; reading: string; readOn: string };
    await services.unitFor(principal, body.unitId);
    const { timezone } = await settingsOf(services, principal.companyId);
    if (body.readOn > todayIn(services, timezone)) throw new RuleRefusedError('a reading cannot be dated in the future', [{ pointer: '/readOn', code: 'future', message: `${body.readOn} is after today` }]);
    const knex = knexOf(services);
    const reading = await knex.transaction(async (trx) => {
      const mine = () => trx('billing_meter_reading').where({ company_id: principal.companyId, unit_id: body.unitId, meter: body.meter });
      const before = await mine().where('read_on', '<=', body.readOn).orderBy([{ column: 'read_on', order: 'desc' }, { column: 'id', order: 'desc' }]).first();
      const after = await mine().where('read_on', '>', body.readOn).orderBy([{ column: 'read_on', order: 'asc' }, { column: 'id', order: 'asc' }]).first();
      if (before && before.read_on === body.readOn) throw new RuleRefusedError(`the ${body.meter} meter already has a reading on ${body.readOn}`, [{ pointer: '/readOn', code: 'duplicate', message: `already read on ${body.readOn}: ${before.reading}` }]);
      if (before && compareDecimal(body.reading, String(before.reading)) < 0) {
        throw new RuleRefusedError(`reading ${body.reading} is lower than the previous reading ${before.reading} of ${before.read_on}`, [{ pointer: '/reading', code: 'lower-than-previous', message: `must be at least ${before.reading}` }]);
      }
      if (after && compareDecimal(body.reading, String(after.reading)) > 0) {
        throw new RuleRefusedError(`reading ${body.reading} is higher than the later reading ${after.reading} of ${after.read_on}`, [{ pointer: '/reading', code: 'higher-than-next', message: `must be at most ${after.reading}` }]);
      }
      const createdAt = services.now();
      await trx('billing_meter_reading').insert({ company_id: principal.companyId, unit_id: body.unitId, meter: body.meter, reading: body.reading, read_on: body.readOn, source: null, billed_bill_id: null, created_at: sqlTime(services, createdAt) });
      return (await mine().where({ read_on: body.readOn }).first())!;
    });
    reply.code(201 as never);
    return { reading: readingView(reading) };
  });

  app.get('/units/:unitId/meter-readings', {
    schema: {
      tags: ['billing'], summary: "A unit's meter readings, newest first",
      params: { type: 'object', properties: { unitId: { type: 'integer', minimum: 1, maximum: 2147483647 } }, required: ['unitId'], additionalProperties: false },
      querystring: { type: 'object', properties: { meter: { type: 'string', enum: [...METERS] } }, additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = services.principal(request);
    await services.requirePermission(principal, 'billing.view');
    const { unitId } = request.params as { unitId: number };
    await services.unitFor(principal, unitId);
    const q = knexOf(services)('billing_meter_reading').where({ company_id: principal.companyId, unit_id: unitId })
      .orderBy([{ column: 'read_on', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(500);
    const meter = (request.query as { meter?: string }).meter;
    if (meter) q.where({ meter });
    return { items: (await q).map(readingView) };
  });
}

function readingView(r: Record<string, unknown>) {
  return {
    id: Number(r.id), unitId: Number(r.unit_id), meter: String(r.meter), reading: String(r.reading), readOn: String(r.read_on),
    billedBillId: r.billed_bill_id == null ? null : Number(r.billed_bill_id), createdAt: readTime(r.created_at).toISOString(),
  };
}

/** Compares two decimal strings exactly. */
function compareDecimal(a: string, b: string): number {
  return new MoneyDecimal(a).comparedTo(b);
}
