/**
 * Who a resident message goes to: the case's resident (else the unit's owners and occupants), or
 * every household of a building (停水停电 notices). Agents (代办人) are not messaged.
 */
import type { EntityManager } from '@mikro-orm/core';
import { Unit, UnitPerson } from '../../db/entities/index.js';
import type { MessageRecipient } from './queue-message.js';

const HOUSEHOLD = ['owner', 'occupant'] as const;

export async function unitResidents(em: EntityManager, companyId: number, unitId: number): Promise<MessageRecipient[]> {
  const links = await em.find(UnitPerson, { companyId, unitId, relation: { $in: [...HOUSEHOLD] } }, { orderBy: { id: 'asc' } });
  return links.map((l) => ({ personId: l.personId, unitId }));
}

export async function buildingHouseholds(em: EntityManager, companyId: number, buildingId: number): Promise<MessageRecipient[]> {
  const units = await em.find(Unit, { companyId, buildingId }, { fields: ['id'] });
  if (units.length === 0) return [];
  const links = await em.find(UnitPerson, { companyId, unitId: { $in: units.map((u) => u.id) }, relation: { $in: [...HOUSEHOLD] } }, { orderBy: { id: 'asc' } });
  return links.map((l) => ({ personId: l.personId, unitId: l.unitId }));
}
