/**
 * Writes a validated roster in the caller's transaction: buildings created when new, units
 * created or brought up to date, people matched by name and phone (or created) and linked to their
 * unit. Re-importing the same roster changes nothing.
 */
import type { EntityManager } from '@mikro-orm/core';
import { Building, Person, Project, Unit, UnitPerson } from '../../db/entities/index.js';
import type { RosterUnit } from './validate-roster.js';

export interface RosterResult {
  buildingsCreated: number;
  unitsCreated: number;
  unitsUpdated: number;
  peopleCreated: number;
  linksCreated: number;
}

/** Keeps `IN (…)` lists well under every database's parameter limit. */
const CHUNK = 1000;
function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export async function applyRoster(em: EntityManager, companyId: number, rows: RosterUnit[]): Promise<RosterResult> {
  const result: RosterResult = { buildingsCreated: 0, unitsCreated: 0, unitsUpdated: 0, peopleCreated: 0, linksCreated: 0 };
  const projects = new Map((await em.find(Project, { companyId })).map((p) => [p.code, p]));

  const buildings = new Map<string, Building>();
  for (const b of await em.find(Building, { companyId, projectId: { $in: [...projects.values()].map((p) => p.id) } })) buildings.set(`${b.projectId}/${b.code}`, b);
  for (const r of rows) {
    const projectId = projects.get(r.project)!.id;
    const key = `${projectId}/${r.buildingCode}`;
    if (!buildings.has(key)) {
      buildings.set(key, em.create(Building, { companyId, projectId, code: r.buildingCode, name: r.buildingName ?? `${r.buildingCode}栋` }));
      result.buildingsCreated++;
    }
  }
  await em.flush();

  const units = new Map<string, Unit>();
  const buildingIds = [...new Set(rows.map((r) => buildings.get(`${projects.get(r.project)!.id}/${r.buildingCode}`)!.id))];
  for (const ids of chunks(buildingIds)) for (const u of await em.find(Unit, { companyId, buildingId: { $in: ids } })) units.set(`${u.buildingId}/${u.number}`, u);
  const touched = new Set<Unit>();
  const unitOf = new Map<RosterUnit, Unit>();
  for (const r of rows) {
    const building = buildings.get(`${projects.get(r.project)!.id}/${r.buildingCode}`)!;
    const key = `${building.id}/${r.unitNumber}`;
    let unit = units.get(key);
    if (!unit) {
      unit = em.create(Unit, { companyId, projectId: building.projectId, buildingId: building.id, number: r.unitNumber, floor: r.floor, area: r.area, unitType: r.unitType, status: r.status });
      units.set(key, unit);
      result.unitsCreated++;
    } else if (!touched.has(unit) && (Number(unit.area) !== Number(r.area) || unit.unitType !== r.unitType || unit.status !== r.status || (unit.floor ?? null) !== r.floor)) {
      Object.assign(unit, { area: r.area, unitType: r.unitType, status: r.status, floor: r.floor });
      result.unitsUpdated++;
    }
    touched.add(unit);
    unitOf.set(r, unit);
  }

  const withPerson = rows.filter((r) => r.person);
  const people = new Map<string, Person>();
  const personKey = (name: string, phone: string | null) => `${name}\u0000${phone ?? ''}`;
  for (const names of chunks([...new Set(withPerson.map((r) => r.person!.name))])) {
    for (const p of await em.find(Person, { companyId, name: { $in: names } })) people.set(personKey(p.name, p.phone ?? null), p);
  }
  const personOf = new Map<RosterUnit, Person>();
  for (const r of withPerson) {
    const { name, phone, idNumber } = r.person!;
    let person = people.get(personKey(name, phone));
    if (!person) {
      person = em.create(Person, { companyId, name, phone, idNumber });
      people.set(personKey(name, phone), person);
      result.peopleCreated++;
    }
    personOf.set(r, person);
  }
  await em.flush();

  const links = new Set<string>();
  const unitIds = [...new Set(withPerson.map((r) => unitOf.get(r)!.id))];
  for (const ids of chunks(unitIds)) for (const l of await em.find(UnitPerson, { companyId, unitId: { $in: ids } })) links.add(`${l.unitId}/${l.personId}/${l.relation}`);
  for (const r of withPerson) {
    const unitId = unitOf.get(r)!.id;
    const personId = personOf.get(r)!.id;
    const key = `${unitId}/${personId}/${r.person!.relation}`;
    if (links.has(key)) continue;
    links.add(key);
    em.create(UnitPerson, { companyId, unitId, personId, relation: r.person!.relation });
    result.linksCreated++;
  }
  await em.flush();
  return result;
}
