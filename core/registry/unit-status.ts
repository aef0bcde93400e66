/** A unit's occupancy status, changed by procedures (move-in, move-out, entrusting, renovation). */
import type { EntityManager } from '@mikro-orm/core';
import { Unit } from '../db/entities/index.js';
import { RuleRefusedError } from '../errors.js';

const STATUS = /^[a-z][a-zA-Z]{0,31}$/;

export async function setUnitStatusIn(em: EntityManager, companyId: number, unitId: number | null, status: string): Promise<void> {
  if (!STATUS.test(status)) throw new Error(`unit status "${status}" must be an identifier`);
  if (unitId === null) throw new RuleRefusedError('this case has no unit whose status to set', [{ pointer: '/unitId', code: 'no-unit', message: 'a unit is required' }]);
  const changed = await em.nativeUpdate(Unit, { id: unitId, companyId }, { status });
  if (changed === 0) throw new RuleRefusedError('the case unit does not exist', [{ pointer: '/unitId', code: 'no-unit', message: 'unknown unit' }]);
}
