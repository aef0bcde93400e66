/**
 * Global search (the header's search box): rooms, residents by phone or name, cases by serial.
 * Every query is an indexed lookup, never a scan of cases:
 *   rooms      building by code/name (a company has few), then unit (building_id, number) — unique index;
 *              a bare number through unit (company_id, number)
 *   phones     person (company_id, phone_key) prefix: phone_key is the digits reversed, so the whole
 *              number and its last 4 digits are both a prefix (core/search/phone-key.ts)
 *   names      person (company_id, name) prefix first, then "contains" over the same index (covering,
 *              never the table), only when the prefix found fewer than asked
 *   serials    work_case (company_id, serial) unique: the whole serial, or the tail expanded into the
 *              company's serials from its counters (one per case type and year)
 *   cases      of the households and people found: work_case (company_id, unit_id) / (company_id, person_id, id)
 * Tenant isolation on every statement (company_id), and project scope: staff limited to some
 * projects find only units, residents and cases of those projects.
 * Prefixes: SQLite compares text bytewise, so a range (>= term, < term + U+FFFF) uses the index;
 * PostgreSQL gets LIKE 'term%' (indexed under the C collation, correct under any).
 */
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { Building, Counter, Person, Project, Unit, UnitPerson, WorkCase } from '../db/entities/index.js';
import type { Principal } from '../auth/sessions.js';
import type { CaseQueries } from '../cases/case-queries.js';
import type { CaseService } from '../cases/case-service.js';
import { likeTerm } from '../db/like-term.js';
import { maskPhone, readQuery, type RoomReading, type SearchReadings } from './parse-query.js';
import type { Text as WorkflowText } from '../../schemas/generated/workflow.js';

export interface HouseholdHit {
  unitId: number;
  projectId: number;
  /** 翠湖花园 1栋 302 */
  label: string;
  owners: string[];
}
export interface PersonHit {
  personId: number;
  name: string;
  /** always masked here: 138****0001 */
  phone: string | null;
  /** the rooms the resident is linked to (in projects the caller may see); the first opens */
  units: { unitId: number; label: string; relation: string }[];
}
export interface CaseHit {
  caseId: number;
  caseType: string;
  typeTitle: WorkflowText | null;
  serial: string;
  state: string;
  stateTitle: WorkflowText | null;
  open: boolean;
  overdue: boolean;
  title: string | null;
  unitId: number | null;
  unitLabel: string | null;
  personName: string | null;
  createdAt: string;
}
export interface SearchAnswer {
  q: string;
  households: HouseholdHit[];
  people: PersonHit[];
  cases: CaseHit[];
}

const CASES_PER_HOUSEHOLD_LOOKUP = 3;

/** A prefix condition an index serves on either database (see the module comment). */
export function prefixCondition(em: EntityManager, term: string): Record<string, unknown> {
  const t = likeTerm(term);
  return /postgre/i.test(em.getPlatform().constructor.name) ? { $like: `${t}%` } : { $gte: t, $lt: `${t}\uffff` };
}

/**
 * People of the company whose phone ends with the digits (or is the whole number), or whose name
 * starts with, then contains, the text — indexed reads only (person (company_id, phone_key) and
 * (company_id, name)). The case lists' q uses it too (core/cases/case-queries.ts).
 */
export async function peopleMatching(em: EntityManager, companyId: number, r: Pick<SearchReadings, 'name' | 'phoneKeyPrefix'>, limit: number): Promise<Person[]> {
  const found = new Map<number, Person>();
  const fields = ['id', 'name', 'phone'] as const;
  if (r.phoneKeyPrefix) {
    for (const p of await em.find(Person, { companyId, phoneKey: prefixCondition(em, r.phoneKeyPrefix) }, { fields: [...fields], limit, orderBy: { phoneKey: 'asc', id: 'asc' } }) as Person[]) found.set(p.id, p);
  }
  if (r.name && found.size < limit) {
    for (const p of await em.find(Person, { companyId, name: prefixCondition(em, r.name) }, { fields: [...fields], limit, orderBy: { name: 'asc', id: 'asc' } }) as Person[]) found.set(p.id, p);
    const term = likeTerm(r.name);
    if (found.size < limit && term) {
      // contains: the (company_id, name) index is read (covering), not the table
      const ids = await em.find(Person, { companyId, name: { $like: `%${term}%` }, id: { $nin: [...found.keys(), 0] } }, { fields: ['id'], limit: limit - found.size });
      if (ids.length) for (const p of await em.find(Person, { id: { $in: ids.map((p) => p.id) }, companyId }, { fields: [...fields] }) as Person[]) found.set(p.id, p);
    }
  }
  return [...found.values()].slice(0, limit);
}

export class GlobalSearch {
  constructor(private readonly orm: MikroORM, private readonly queries: CaseQueries, private readonly cases: CaseService) {}

  async peopleMatching(em: EntityManager, companyId: number, r: Pick<SearchReadings, 'name' | 'phoneKeyPrefix'>, limit: number): Promise<Person[]> {
    return peopleMatching(em, companyId, r, limit);
  }

  /** Units of the room readings, in the caller's projects. */
  private async unitsOf(em: EntityManager, companyId: number, scope: number[] | null, rooms: RoomReading[], limit: number): Promise<Unit[]> {
    const units = new Map<number, Unit>();
    const inScope = (where: Record<string, unknown>) => (scope ? { ...where, projectId: { $in: scope } } : where);
    for (const room of rooms) {
      if (units.size >= limit) break;
      let buildingIds: number[] | null = null;
      if (room.building || room.place) {
        const projects = room.project || room.place ? await this.projectsNamed(em, companyId, scope, room.project ?? room.place!) : null;
        if (room.building) {
          const b = room.building;
          const names = [b, `${b}栋`, `${b}幢`, `${b}座`, `${b}号楼`, b.toLowerCase(), `${b.toLowerCase()}栋`, `${b.toLowerCase()}座`];
          const where: Record<string, unknown> = inScope({ companyId, $or: [{ code: { $in: [b, b.toLowerCase()] } }, { name: { $in: names } }] });
          if (projects) where.projectId = { $in: projects.filter((p) => !scope || scope.includes(p)) };
          buildingIds = (await em.find(Building, where, { fields: ['id'], limit: 200 })).map((x) => x.id);
        } else {
          // "翠湖花园 302" or "1栋 302": the place is a project or a building name
          const place = room.place!;
          const byName = await em.find(Building, inScope({ companyId, name: { $in: [place, place.toLowerCase()] } }), { fields: ['id'], limit: 200 });
          buildingIds = byName.map((x) => x.id);
          if (projects?.length) {
            // rooms of that number in the project's buildings
            for (const u of await em.find(Unit, { companyId, projectId: { $in: projects }, number: room.number }, { limit })) units.set(u.id, u);
          }
        }
        if (!buildingIds.length) continue;
      }
      const where: Record<string, unknown> = inScope({ companyId, number: { $in: [room.number, room.number.toLowerCase()] } });
      if (buildingIds) where.buildingId = { $in: buildingIds };
      for (const u of await em.find(Unit, where, { limit: limit - units.size, orderBy: { id: 'asc' } })) units.set(u.id, u);
    }
    return [...units.values()];
  }

  private async projectsNamed(em: EntityManager, companyId: number, scope: number[] | null, text: string): Promise<number[]> {
    const term = likeTerm(text);
    if (!term) return [];
    const where: Record<string, unknown> = { companyId, $or: [{ code: { $in: [text, text.toUpperCase()] } }, { name: { $like: `%${term}%` } }] };
    if (scope) where.id = { $in: scope };
    return (await em.find(Project, where, { fields: ['id'], limit: 50 })).map((p) => p.id);
  }

  /** "翠湖花园 1栋 302" for each unit. */
  async unitLabels(em: EntityManager, companyId: number, units: readonly Unit[]): Promise<Map<number, string>> {
    if (!units.length) return new Map();
    const buildings = new Map((await em.find(Building, { id: { $in: [...new Set(units.map((u) => u.buildingId))] }, companyId }, { fields: ['id', 'name'] })).map((b) => [b.id, b.name]));
    const projects = new Map((await em.find(Project, { id: { $in: [...new Set(units.map((u) => u.projectId))] }, companyId }, { fields: ['id', 'name'] })).map((p) => [p.id, p.name]));
    return new Map(units.map((u) => [u.id, [projects.get(u.projectId), buildings.get(u.buildingId), u.number].filter(Boolean).join(' ')]));
  }

  /** Serials the tail may stand for: one per case type and year the company has numbered. */
  private async serialCandidates(em: EntityManager, principal: Principal, tail: NonNullable<SearchReadings['serialTail']>): Promise<string[]> {
    const counters = await em.find(Counter, { companyId: principal.companyId, key: { $like: 'serial:%' } });
    const config = await this.cases.configForCompany(principal, em);
    const out: string[] = [];
    for (const c of counters) {
      const [, caseType, year] = c.key.split(':');
      if (!caseType || !year || (tail.year && Number(year) !== tail.year) || tail.seq > c.value) continue;
      const prefix = config.caseTypes.get(caseType)?.workflow.serialPrefix;
      if (prefix) out.push(`${prefix}-${year}-${String(tail.seq).padStart(6, '0')}`);
    }
    return out.slice(0, 200);
  }

  async search(principal: Principal, q: string, limit: number): Promise<SearchAnswer> {
    const r = readQuery(q);
    const em = this.orm.em.fork();
    const companyId = principal.companyId;
    const scope = await this.queries.projectScope(principal);
    const visible = (projectId: number) => !scope || scope.includes(projectId);

    // households: rooms
    const units = r.rooms.length ? await this.unitsOf(em, companyId, scope, r.rooms, limit) : [];

    // people: phone, name — only those living in a project the caller sees (unless they see all)
    const candidates = r.phoneKeyPrefix || r.name ? await this.peopleMatching(em, companyId, r, scope ? limit * 4 : limit) : [];
    const links = candidates.length ? await em.find(UnitPerson, { personId: { $in: candidates.map((p) => p.id) }, companyId }) : [];
    const linkedUnits = links.length ? await em.find(Unit, { id: { $in: [...new Set(links.map((l) => l.unitId))] }, companyId }) : [];
    const unitById = new Map([...units, ...linkedUnits].map((u) => [u.id, u]));
    const visibleLinks = links.filter((l) => visible(unitById.get(l.unitId)?.projectId ?? -1));
    const people = (scope ? candidates.filter((p) => visibleLinks.some((l) => l.personId === p.id)) : candidates).slice(0, limit);

    // cases: the serial, then the households' and people's latest
    const caseRows = new Map<number, WorkCase>();
    const caseFields = ['id', 'caseType', 'serial', 'state', 'projectId', 'unitId', 'personId', 'title', 'overdue', 'closedAt', 'createdAt', 'configVersionId'] as const;
    const addCases = (rows: readonly object[]) => { for (const c of rows as WorkCase[]) if (visible(c.projectId) && caseRows.size < limit) caseRows.set(c.id, c); };
    const serials = [...(r.serial ? [r.serial] : []), ...(r.serialTail ? await this.serialCandidates(em, principal, r.serialTail) : [])];
    if (serials.length) addCases(await em.find(WorkCase, { companyId, serial: { $in: serials } }, { fields: [...caseFields], orderBy: { id: 'desc' }, limit: limit * 2 }));
    if (caseRows.size < limit && units.length) {
      addCases(await em.find(WorkCase, { companyId, unitId: { $in: units.slice(0, limit).map((u) => u.id) } }, { fields: [...caseFields], orderBy: { id: 'desc' }, limit: CASES_PER_HOUSEHOLD_LOOKUP * limit }));
    }
    if (caseRows.size < limit && people.length) {
      // the found residents' latest cases in one query (company, person, id index), as for households above
      addCases(await em.find(WorkCase, { companyId, personId: { $in: people.slice(0, limit).map((p) => p.id) } }, { fields: [...caseFields], orderBy: { id: 'desc' }, limit: CASES_PER_HOUSEHOLD_LOOKUP * limit }));
    }
    const cases = [...caseRows.values()];
    // labels for every unit shown
    for (const c of cases) if (c.unitId != null && !unitById.has(c.unitId)) unitById.set(c.unitId, undefined as never);
    const missing = [...unitById.entries()].filter(([, u]) => !u).map(([id]) => id);
    if (missing.length) for (const u of await em.find(Unit, { id: { $in: missing }, companyId })) unitById.set(u.id, u);
    const labels = await this.unitLabels(em, companyId, [...unitById.values()].filter(Boolean));
    const owners = units.length ? await em.find(UnitPerson, { unitId: { $in: units.map((u) => u.id) }, companyId, relation: 'owner' }) : [];
    const personIds = [...new Set([...owners.map((o) => o.personId), ...cases.map((c) => c.personId).filter((id): id is number => id != null)])];
    const names = new Map((personIds.length ? await em.find(Person, { id: { $in: personIds }, companyId }, { fields: ['id', 'name'] }) : []).map((p) => [p.id, p.name]));
    const config = cases.length ? await this.cases.configForCompany(principal, em) : null;

    return {
      q: r.text,
      households: units.map((u) => ({
        unitId: u.id, projectId: u.projectId, label: labels.get(u.id) ?? u.number,
        owners: owners.filter((o) => o.unitId === u.id).map((o) => names.get(o.personId)).filter((n): n is string => !!n),
      })),
      people: people.map((p) => ({
        personId: p.id, name: p.name, phone: maskPhone(p.phone),
        units: visibleLinks.filter((l) => l.personId === p.id).map((l) => ({ unitId: l.unitId, label: labels.get(l.unitId) ?? '', relation: l.relation })),
      })),
      cases: cases.map((c) => {
        const wf = config?.caseTypes.get(c.caseType)?.workflow;
        return {
          caseId: c.id, caseType: c.caseType, typeTitle: wf?.title ?? null, serial: c.serial, state: c.state, stateTitle: wf?.states[c.state]?.title ?? null,
          open: !c.closedAt, overdue: c.overdue, title: c.title ?? null,
          unitId: c.unitId ?? null, unitLabel: c.unitId != null ? labels.get(c.unitId) ?? null : null,
          personName: c.personId != null ? names.get(c.personId) ?? null : null, createdAt: c.createdAt.toISOString(),
        };
      }),
    };
  }
}
