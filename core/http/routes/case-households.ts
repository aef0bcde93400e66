/**
 * Who a listed case is about, for the lists staff work from (work queue, 回访): the unit's label
 * (楼栋 + 房号) and the resident's name — and phone, for those who call them. Three primary-key
 * lookups for a whole page (units, their buildings, people), never one per row; every lookup is
 * limited to the caller's company. Pass the caller as `viewer` and the phone goes out as their
 * privacy rule shows it (masked, hidden; the visitor desk sees no resident) and the households read
 * are noted in the read log (batched, core/registry/privacy.ts).
 */
import type { EntityManager } from '@mikro-orm/core';
import { Building, Person, Unit } from '../../db/entities/index.js';
import type { PrivacyPolicy, ReadLog } from '../../registry/privacy.js';

export interface HouseholdOfCase {
  unitLabel: string | null;
  personName: string | null;
  personPhone: string | null;
}

/** who is reading: their privacy policy, and the read log to note the households in */
export interface HouseholdViewer { policy: PrivacyPolicy; staffId: number; log?: ReadLog; via?: string }

const NONE: HouseholdOfCase = { unitLabel: null, personName: null, personPhone: null };

/** unit and person of each case, by case id (cases without either get nulls). */
export async function householdsOf(
  em: EntityManager,
  companyId: number,
  rows: readonly { id: number; unitId?: number | null; personId?: number | null }[],
  viewer?: HouseholdViewer,
): Promise<Map<number, HouseholdOfCase>> {
  const unitIds = [...new Set(rows.map((r) => r.unitId).filter((id): id is number => typeof id === 'number'))];
  const personIds = [...new Set(rows.map((r) => r.personId).filter((id): id is number => typeof id === 'number'))];
  const units = unitIds.length ? await em.find(Unit, { id: { $in: unitIds }, companyId }, { fields: ['id', 'buildingId', 'number'] }) : [];
  const buildingIds = [...new Set(units.map((u) => u.buildingId))];
  const buildings = buildingIds.length ? await em.find(Building, { id: { $in: buildingIds }, companyId }, { fields: ['id', 'name'] }) : [];
  const people = personIds.length ? await em.find(Person, { id: { $in: personIds }, companyId }, { fields: ['id', 'name', 'phone'] }) : [];
  const buildingName = new Map(buildings.map((b) => [b.id, b.name]));
  const unitLabel = new Map(units.map((u) => [u.id, [buildingName.get(u.buildingId), u.number].filter(Boolean).join(' ')]));
  const person = new Map(people.map((p) => [p.id, p]));
  const out = new Map<number, HouseholdOfCase>();
  for (const r of rows) {
    const p = r.personId != null ? person.get(r.personId) : undefined;
    out.set(r.id, {
      unitLabel: (r.unitId != null && unitLabel.get(r.unitId)) || null,
      personName: viewer?.policy.visitorOnly ? null : p?.name ?? null,
      personPhone: viewer ? viewer.policy.phone(p?.phone) : p?.phone ?? null,
    });
  }
  if (viewer?.log && !viewer.policy.visitorOnly) {
    const read = new Set(rows.filter((r) => r.personId != null && person.has(r.personId)).map((r) => r.unitId ?? null));
    viewer.log.record([...read].map((unitId) => ({ companyId, staffId: viewer.staffId, unitId, via: viewer.via ?? 'cases' })));
  }
  return out;
}

export function householdOf(map: Map<number, HouseholdOfCase>, caseId: number): HouseholdOfCase {
  return map.get(caseId) ?? NONE;
}
