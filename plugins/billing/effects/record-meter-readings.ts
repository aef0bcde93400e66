/**
 * The workflow effect `billing.recordMeterReadings`: records the meter readings a procedure takes
 * (move-in and move-out inspections, an entrusted house's starting readings) so the billing run
 * charges consumption from them. params.fields maps a meter to the case field holding its reading,
 * e.g. { "water": "waterReading", "electricity": "electricityReading", "gas": "gasReading" };
 * empty fields are skipped. A reading lower than the meter's previous one is refused (422, naming
 * the field); the same reading taken again on the same day is recorded once.
 */
import { DateTime } from 'luxon';
import { MoneyDecimal, RuleRefusedError, type EffectContext } from '../../../core/plugin-api.js';
import { MeterReading } from '../db/entities.js';

const READING = /^\d{1,9}(\.\d{1,3})?$/;

export async function recordMeterReadingsEffect(ctx: EffectContext): Promise<void> {
  const fields = ctx.params.fields;
  if (!fields || typeof fields !== 'object') throw new Error(`${ctx.caseType}: billing.recordMeterReadings needs params.fields`);
  if (ctx.unitId === null) throw new RuleRefusedError(`the case ${ctx.serial} has no unit whose meters to read`, [{ pointer: '/unitId', code: 'no-unit', message: 'a unit is required' }]);
  const readOn = DateTime.fromJSDate(ctx.now, { zone: ctx.calendar.timezone }).toFormat('yyyy-MM-dd');
  for (const [meter, field] of Object.entries(fields as Record<string, unknown>)) {
    if (typeof field !== 'string') continue;
    const raw = ctx.data[field];
    if (raw === undefined || raw === null || raw === '') continue;
    const pointer = `/data/${field}`;
    const reading = typeof raw === 'number' ? String(raw) : raw;
    if (typeof reading !== 'string' || !READING.test(reading)) throw new RuleRefusedError(`${field} must be a meter reading like "1234.5"`, [{ pointer, code: 'reading', message: 'a non-negative number with at most 3 decimals' }]);
    const previous = await ctx.em.findOne(MeterReading, { companyId: ctx.companyId, unitId: ctx.unitId, meter }, { orderBy: { readOn: 'desc', id: 'desc' } });
    if (previous && new MoneyDecimal(reading).lt(new MoneyDecimal(previous.reading))) {
      throw new RuleRefusedError(`the ${meter} reading ${reading} is lower than the previous one (${previous.reading} on ${previous.readOn})`, [{ pointer, code: 'lower-than-previous', message: `must be at least ${previous.reading}` }]);
    }
    if (previous && previous.readOn === readOn && new MoneyDecimal(reading).eq(new MoneyDecimal(previous.reading))) continue;
    ctx.em.create(MeterReading, { companyId: ctx.companyId, unitId: ctx.unitId, meter, reading, readOn, source: `${ctx.serial}`.slice(0, 100), billedBillId: null, createdAt: ctx.now });
  }
}
