/**
 * The household archive (一户一档) of a unit: its members over time (owners, co-owners, tenants,
 * family, authorised agents, emergency contacts), their details, vehicles and parking spaces, and
 * the history of every change (who, when, what, old → new; phone and ID values masked).
 *
 * Every write runs in the caller's transaction and names the archive version it read: the version
 * moves on with each write, a stale one is refused (409) before anything is written. Current
 * owners, tenants and agents are mirrored into unit_person — what the rest of the platform (work
 * orders, billing, the roster) reads; a member who leaves keeps the archive row with `until` set.
 * Units imported by the roster have unit_person links only: the first write gives them archive rows.
 */
import type { EntityManager } from '@mikro-orm/core';
import {
  ArchiveChange, HouseholdArchive, HouseholdMember, HouseholdParking, HouseholdVehicle, Person, UnitPerson,
} from '../db/entities/index.js';
import { NotFoundError, StaleVersionError, ValidationError, WuyeError, type FieldIssue } from '../errors.js';
import { maskIdNumber, maskPhone } from './privacy.js';

export const RELATIONS = ['owner', 'coOwner', 'tenant', 'family', 'agent', 'emergency'] as const;
export type MemberRelation = (typeof RELATIONS)[number];
export const PARKING_KINDS = ['owned', 'rented'] as const;

/** the unit_person relation a member relation stands for (family and emergency contacts have none) */
export function linkRelation(relation: string): 'owner' | 'occupant' | 'agent' | null {
  if (relation === 'owner' || relation === 'coOwner') return 'owner';
  if (relation === 'tenant') return 'occupant';
  if (relation === 'agent') return 'agent';
  return null;
}
const FROM_LINK: Record<string, MemberRelation> = { owner: 'owner', occupant: 'tenant', agent: 'agent' };

const PHONE = /^[0-9+\-() ]{5,20}$/;
const ID_NUMBER = /^[0-9A-Za-z()（）-]{5,32}$/;
const PLATE = /^[\u4e00-\u9fa5A-Z0-9·]{5,10}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface PersonInput { name?: string; phone?: string | null; idNumber?: string | null }

/** Who writes and from where: a staff member (actorId) or the system (a move-in case: source). */
export interface ArchiveWriter {
  companyId: number;
  unitId: number;
  actorId: number | null;
  at: Date;
  source?: string | null;
}

function isDate(v: string): boolean {
  if (!DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** The issues of a person's details (pointer prefix e.g. '' or '/person'); names are trimmed. */
export function personIssues(input: PersonInput, prefix: string, requireName: boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.name !== undefined || requireName) {
    const name = (input.name ?? '').trim();
    if (!name || name.length > 100) issues.push({ pointer: `${prefix}/name`, code: 'invalid', message: '姓名须填写，最多 100 个字 / name: 1 to 100 characters' });
  }
  if (input.phone && !PHONE.test(input.phone.trim())) issues.push({ pointer: `${prefix}/phone`, code: 'invalid', message: '电话格式不对 / phone: digits, +, -, spaces (5 to 20)' });
  if (input.idNumber && !ID_NUMBER.test(input.idNumber.trim())) issues.push({ pointer: `${prefix}/idNumber`, code: 'invalid', message: '证件号码格式不对 / ID number: 5 to 32 letters or digits' });
  return issues;
}

export function dateIssues(values: Record<string, string | null | undefined>, prefix = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [field, v] of Object.entries(values)) {
    if (v != null && v !== '' && !isDate(v)) issues.push({ pointer: `${prefix}/${field}`, code: 'invalid', message: '日期应为 年-月-日 / a date yyyy-MM-dd' });
  }
  const since = values.since;
  const until = values.until;
  if (since && until && isDate(since) && isDate(until) && until < since) issues.push({ pointer: `${prefix}/until`, code: 'before-since', message: '结束日期早于开始日期 / until is before since' });
  return issues;
}

export function vehicleIssues(input: { plate?: string; model?: string | null; color?: string | null }, prefix = '', requirePlate = true): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.plate !== undefined || requirePlate) {
    if (!PLATE.test(normalizePlate(input.plate ?? ''))) issues.push({ pointer: `${prefix}/plate`, code: 'invalid', message: '车牌号格式不对（如 粤B12345） / plate: e.g. 粤B12345' });
  }
  if (input.model && input.model.length > 50) issues.push({ pointer: `${prefix}/model`, code: 'invalid', message: '品牌型号最多 50 个字 / model: at most 50 characters' });
  if (input.color && input.color.length > 20) issues.push({ pointer: `${prefix}/color`, code: 'invalid', message: '颜色最多 20 个字 / colour: at most 20 characters' });
  return issues;
}

export const normalizePlate = (p: string) => p.trim().toUpperCase().replace(/\s+/g, '');
const clean = (v: string | null | undefined) => (v == null ? null : v.trim() || null);

function refuse(issues: FieldIssue[]): void {
  if (issues.length) throw new ValidationError(issues);
}

/**
 * Moves the unit's archive from `expected` to the next version, or refuses with 409: a single
 * conditional UPDATE (or the first INSERT), so two writers that read the same version cannot both win.
 */
export async function bumpVersion(em: EntityManager, companyId: number, unitId: number, expected: number, at: Date): Promise<number> {
  const row = await em.findOne(HouseholdArchive, { unitId, companyId }, { disableIdentityMap: true });
  const actual = row?.version ?? 0;
  if (actual !== expected) throw new StaleVersionError(expected, actual);
  if (!row) {
    try {
      await em.insert(HouseholdArchive, { companyId, unitId, version: expected + 1, updatedAt: at });
    } catch {
      throw new StaleVersionError(expected, expected + 1);
    }
  } else {
    const n = await em.nativeUpdate(HouseholdArchive, { id: row.id, version: expected }, { version: expected + 1, updatedAt: at });
    if (n !== 1) throw new StaleVersionError(expected, expected + 1);
  }
  return expected + 1;
}

export async function versionOf(em: EntityManager, companyId: number, unitId: number): Promise<number> {
  return (await em.findOne(HouseholdArchive, { unitId, companyId }, { disableIdentityMap: true }))?.version ?? 0;
}

const PERSONAL = new Set(['phone', 'idNumber']);
const maskFor = (field: string | null, v: string | null | undefined) => {
  if (v == null || v === '') return null;
  if (field === 'phone') return maskPhone(v);
  if (field === 'idNumber') return maskIdNumber(v);
  return v.slice(0, 200);
};

function history(em: EntityManager, w: ArchiveWriter, subject: string, subjectId: number | null, action: string, field: string | null = null, oldValue: string | null = null, newValue: string | null = null): void {
  em.create(ArchiveChange, {
    companyId: w.companyId, unitId: w.unitId, actorId: w.actorId, at: w.at, subject, subjectId, action, field,
    oldValue: PERSONAL.has(field ?? '') ? maskFor(field, oldValue) : maskFor(null, oldValue),
    newValue: PERSONAL.has(field ?? '') ? maskFor(field, newValue) : maskFor(null, newValue),
    source: w.source ?? null,
  });
}

/** Gives roster-imported links archive rows (once), so every later change has a row to end. */
export async function ensureMembers(em: EntityManager, companyId: number, unitId: number, at: Date): Promise<HouseholdMember[]> {
  const members = await em.find(HouseholdMember, { companyId, unitId }, { orderBy: { id: 'asc' } });
  const links = await em.find(UnitPerson, { companyId, unitId }, { orderBy: { id: 'asc' } });
  for (const l of links) {
    const covered = members.some((m) => m.until == null && m.personId === l.personId && linkRelation(m.relation) === l.relation);
    if (!covered) members.push(em.create(HouseholdMember, { companyId, unitId, personId: l.personId, relation: FROM_LINK[l.relation] ?? 'tenant', note: null, since: null, until: null, createdAt: at }));
  }
  return members;
}

async function linkPerson(em: EntityManager, companyId: number, unitId: number, personId: number, relation: string): Promise<void> {
  const link = linkRelation(relation);
  if (!link) return;
  if (await em.findOne(UnitPerson, { companyId, unitId, personId, relation: link })) return;
  em.create(UnitPerson, { companyId, unitId, personId, relation: link });
}

async function unlinkPerson(em: EntityManager, companyId: number, unitId: number, members: HouseholdMember[], ended: HouseholdMember): Promise<void> {
  const link = linkRelation(ended.relation);
  if (!link) return;
  const still = members.some((m) => m !== ended && m.until == null && m.personId === ended.personId && linkRelation(m.relation) === link);
  if (still) return;
  await em.nativeDelete(UnitPerson, { companyId, unitId, personId: ended.personId, relation: link });
}

/** A person of the company by id (404 otherwise), or the one with this name and phone, or a new one. */
async function personFor(em: EntityManager, companyId: number, input: { personId?: number; person?: PersonInput }): Promise<{ person: Person; created: boolean }> {
  if (input.personId != null) {
    const person = await em.findOne(Person, { id: input.personId, companyId });
    if (!person) throw new NotFoundError('person');
    return { person, created: false };
  }
  const name = input.person!.name!.trim();
  const phone = clean(input.person!.phone);
  const found = await em.findOne(Person, { companyId, name, phone });
  if (found) {
    if (!found.idNumber && clean(input.person!.idNumber)) found.idNumber = clean(input.person!.idNumber);
    return { person: found, created: false };
  }
  return { person: em.create(Person, { companyId, name, phone, idNumber: clean(input.person!.idNumber) }), created: true };
}

export interface AddMemberInput {
  relation: string;
  note?: string | null;
  since?: string | null;
  personId?: number;
  person?: PersonInput;
}

export function memberIssues(input: AddMemberInput, prefix = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!(RELATIONS as readonly string[]).includes(input.relation)) issues.push({ pointer: `${prefix}/relation`, code: 'invalid', message: `关系应为 ${RELATIONS.join(', ')} / relation: one of ${RELATIONS.join(', ')}` });
  if (input.note && input.note.length > 50) issues.push({ pointer: `${prefix}/note`, code: 'invalid', message: '说明最多 50 个字 / note: at most 50 characters' });
  if ((input.personId == null) === (input.person == null)) issues.push({ pointer: `${prefix}/person`, code: 'required', message: '选择已有的人或填写姓名 / give personId or person, not both' });
  if (input.person) issues.push(...personIssues(input.person, `${prefix}/person`, true));
  if (input.relation === 'emergency' && input.person && !clean(input.person.phone)) issues.push({ pointer: `${prefix}/person/phone`, code: 'required', message: '紧急联系人须留电话 / an emergency contact needs a phone' });
  issues.push(...dateIssues({ since: input.since }, prefix));
  return issues;
}

/** Adds a member (a tenant moving in, family, an agent, an emergency contact, a co-owner). */
export async function addMember(em: EntityManager, w: ArchiveWriter, input: AddMemberInput): Promise<HouseholdMember> {
  refuse(memberIssues(input));
  const members = await ensureMembers(em, w.companyId, w.unitId, w.at);
  const { person, created } = await personFor(em, w.companyId, input);
  if (created) await em.flush();
  const same = members.find((m) => m.until == null && m.personId === person.id && m.relation === input.relation);
  if (same) {
    throw new WuyeError('WUYE_CONFLICT', 409, 'this person already has this relation to the unit', [{ pointer: '/relation', code: 'duplicate', message: '此人已登记为该关系 / already registered with this relation' }]);
  }
  const member = em.create(HouseholdMember, { companyId: w.companyId, unitId: w.unitId, personId: person.id, relation: input.relation, note: clean(input.note), since: clean(input.since), until: null, createdAt: w.at });
  await linkPerson(em, w.companyId, w.unitId, person.id, input.relation);
  await em.flush();
  history(em, w, 'member', member.id, 'add', 'relation', null, `${input.relation}:${person.name}`);
  return member;
}

/** Ends a membership: a tenant moves out (until), an agent's authority or a contact ends. Owners change by transfer. */
export async function endMember(em: EntityManager, w: ArchiveWriter, personId: number, relation: string, until: string): Promise<HouseholdMember> {
  refuse(dateIssues({ until }));
  if (!until) refuse([{ pointer: '/until', code: 'required', message: '须填写迁出或结束日期 / until is required' }]);
  const members = await ensureMembers(em, w.companyId, w.unitId, w.at);
  const member = members.find((m) => m.until == null && m.personId === personId && m.relation === relation);
  if (!member) throw new NotFoundError('member');
  if (member.relation === 'owner' || member.relation === 'coOwner') refuse([{ pointer: '/relation', code: 'owner', message: '业主变更请办理产权过户 / owners change by ownership transfer' }]);
  if (member.since && until < member.since) refuse([{ pointer: '/until', code: 'before-since', message: '结束日期早于开始日期 / until is before since' }]);
  member.until = until;
  await unlinkPerson(em, w.companyId, w.unitId, members, member);
  const person = await em.findOne(Person, { id: member.personId, companyId: w.companyId }, { fields: ['name'] });
  history(em, w, 'member', member.id, 'end', 'until', null, `${member.relation}:${person?.name ?? ''}:${until}`);
  return member;
}

/** Changes a member person's name, phone or ID number; each change is a history row. */
export async function updatePerson(em: EntityManager, w: ArchiveWriter, personId: number, input: PersonInput): Promise<Person> {
  refuse(personIssues(input, '', false));
  const members = await ensureMembers(em, w.companyId, w.unitId, w.at);
  if (!members.some((m) => m.personId === personId)) throw new NotFoundError('person');
  const person = await em.findOne(Person, { id: personId, companyId: w.companyId });
  if (!person) throw new NotFoundError('person');
  const changes: [keyof PersonInput, string | null, string | null][] = [];
  if (input.name !== undefined && input.name.trim() !== person.name) changes.push(['name', person.name, input.name.trim()]);
  if (input.phone !== undefined && clean(input.phone) !== (person.phone ?? null)) changes.push(['phone', person.phone ?? null, clean(input.phone)]);
  if (input.idNumber !== undefined && clean(input.idNumber) !== (person.idNumber ?? null)) changes.push(['idNumber', person.idNumber ?? null, clean(input.idNumber)]);
  for (const [field, oldValue, newValue] of changes) {
    (person as unknown as Record<string, unknown>)[field] = newValue;
    history(em, w, 'person', person.id, 'change', field, oldValue, newValue);
  }
  return person;
}

/**
 * Ownership transfer (产权过户) on a date: the current owners and co-owners end on it (kept, with
 * their period), the new owners start on it; unit_person follows.
 */
export async function transferOwnership(em: EntityManager, w: ArchiveWriter, input: { date: string; owners: { personId?: number; person?: PersonInput }[] }): Promise<HouseholdMember[]> {
  const issues = dateIssues({ date: input.date });
  if (!input.owners.length) issues.push({ pointer: '/owners', code: 'required', message: '须填写新业主 / the new owners are required' });
  input.owners.forEach((o, i) => {
    if ((o.personId == null) === (o.person == null)) issues.push({ pointer: `/owners/${i}/person`, code: 'required', message: '选择已有的人或填写姓名 / give personId or person' });
    if (o.person) issues.push(...personIssues(o.person, `/owners/${i}/person`, true));
  });
  refuse(issues);
  const members = await ensureMembers(em, w.companyId, w.unitId, w.at);
  const previous = members.filter((m) => m.until == null && (m.relation === 'owner' || m.relation === 'coOwner'));
  for (const m of previous) {
    if (m.since && input.date < m.since) refuse([{ pointer: '/date', code: 'before-since', message: '过户日期早于原业主的起始日期 / the date is before the current owner became owner' }]);
  }
  const incoming: Person[] = [];
  for (const o of input.owners) {
    const { person, created } = await personFor(em, w.companyId, o);
    if (created) await em.flush();
    if (!incoming.includes(person)) incoming.push(person);
  }
  const people = new Map((await em.find(Person, { id: { $in: [...previous.map((m) => m.personId), ...incoming.map((p) => p.id)] }, companyId: w.companyId }, { fields: ['id', 'name'] })).map((p) => [p.id, p.name]));
  for (const m of previous) {
    m.until = input.date;
    if (!incoming.some((p) => p.id === m.personId)) await unlinkPerson(em, w.companyId, w.unitId, members.filter((x) => !previous.includes(x)), m);
  }
  const created: HouseholdMember[] = [];
  incoming.forEach((p, i) => created.push(em.create(HouseholdMember, { companyId: w.companyId, unitId: w.unitId, personId: p.id, relation: i === 0 ? 'owner' : 'coOwner', note: null, since: input.date, until: null, createdAt: w.at })));
  for (const p of incoming) await linkPerson(em, w.companyId, w.unitId, p.id, 'owner');
  await em.flush();
  history(em, w, 'ownership', null, 'transfer', 'owners', previous.map((m) => people.get(m.personId) ?? '').join('、') || null, `${incoming.map((p) => people.get(p.id) ?? p.name).join('、')}（${input.date}）`);
  return created;
}

export interface VehicleInput { plate?: string; model?: string | null; color?: string | null; personId?: number | null }

export async function addVehicle(em: EntityManager, w: ArchiveWriter, input: VehicleInput): Promise<HouseholdVehicle> {
  refuse(vehicleIssues(input));
  if (input.personId != null && !(await em.findOne(Person, { id: input.personId, companyId: w.companyId }, { fields: ['id'] }))) throw new NotFoundError('person');
  const plate = normalizePlate(input.plate!);
  if (await em.findOne(HouseholdVehicle, { companyId: w.companyId, unitId: w.unitId, plate, removedAt: null })) {
    throw new WuyeError('WUYE_CONFLICT', 409, `vehicle ${plate} is already registered`, [{ pointer: '/plate', code: 'duplicate', message: '该车牌已登记 / this plate is already registered' }]);
  }
  const v = em.create(HouseholdVehicle, { companyId: w.companyId, unitId: w.unitId, personId: input.personId ?? null, plate, model: clean(input.model), color: clean(input.color), createdAt: w.at, removedAt: null });
  await em.flush();
  history(em, w, 'vehicle', v.id, 'add', 'plate', null, [plate, v.model, v.color].filter(Boolean).join(' '));
  return v;
}

export async function updateVehicle(em: EntityManager, w: ArchiveWriter, vehicleId: number, input: VehicleInput & { removed?: boolean }): Promise<HouseholdVehicle> {
  refuse(vehicleIssues(input, '', false));
  const v = await em.findOne(HouseholdVehicle, { id: vehicleId, companyId: w.companyId, unitId: w.unitId });
  if (!v || v.removedAt) throw new NotFoundError('vehicle');
  if (input.removed) {
    v.removedAt = w.at;
    history(em, w, 'vehicle', v.id, 'remove', 'plate', v.plate, null);
    return v;
  }
  for (const field of ['plate', 'model', 'color'] as const) {
    if (input[field] === undefined) continue;
    const next = field === 'plate' ? normalizePlate(input.plate!) : clean(input[field]);
    if (next === (v[field] ?? null)) continue;
    history(em, w, 'vehicle', v.id, 'change', field, v[field] ?? null, next);
    (v as unknown as Record<string, unknown>)[field] = next;
  }
  return v;
}

export interface ParkingInput { number?: string; kind?: string; since?: string | null; until?: string | null }

export function parkingIssues(input: ParkingInput, requireAll: boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.number !== undefined || requireAll) {
    const n = (input.number ?? '').trim();
    if (!n || n.length > 32) issues.push({ pointer: '/number', code: 'invalid', message: '车位号须填写，最多 32 个字 / number: 1 to 32 characters' });
  }
  if (input.kind !== undefined || requireAll) {
    if (!(PARKING_KINDS as readonly string[]).includes(input.kind ?? '')) issues.push({ pointer: '/kind', code: 'invalid', message: '车位性质应为 产权 或 租用 / kind: owned or rented' });
  }
  issues.push(...dateIssues({ since: input.since, until: input.until }));
  return issues;
}

export async function addParking(em: EntityManager, w: ArchiveWriter, input: ParkingInput): Promise<HouseholdParking> {
  refuse(parkingIssues(input, true));
  const p = em.create(HouseholdParking, { companyId: w.companyId, unitId: w.unitId, number: input.number!.trim(), kind: input.kind!, since: clean(input.since), until: clean(input.until), createdAt: w.at, removedAt: null });
  await em.flush();
  history(em, w, 'parking', p.id, 'add', 'number', null, `${p.number} ${p.kind}${p.since ? ` ${p.since}` : ''}${p.until ? `～${p.until}` : ''}`);
  return p;
}

export async function updateParking(em: EntityManager, w: ArchiveWriter, parkingId: number, input: ParkingInput & { removed?: boolean }): Promise<HouseholdParking> {
  refuse(parkingIssues(input, false));
  const p = await em.findOne(HouseholdParking, { id: parkingId, companyId: w.companyId, unitId: w.unitId });
  if (!p || p.removedAt) throw new NotFoundError('parking space');
  if (input.removed) {
    p.removedAt = w.at;
    history(em, w, 'parking', p.id, 'remove', 'number', p.number, null);
    return p;
  }
  const since = input.since !== undefined ? clean(input.since) : p.since ?? null;
  const until = input.until !== undefined ? clean(input.until) : p.until ?? null;
  refuse(dateIssues({ since, until }));
  for (const field of ['number', 'kind', 'since', 'until'] as const) {
    if (input[field] === undefined) continue;
    const next = field === 'number' ? input.number!.trim() : field === 'kind' ? input.kind! : clean(input[field]);
    if (next === (p[field] ?? null)) continue;
    history(em, w, 'parking', p.id, 'change', field, p[field] ?? null, next);
    (p as unknown as Record<string, unknown>)[field] = next;
  }
  return p;
}

/**
 * What a move-in registration (《住户登记表》) brings to the archive, for plugins' effects: the
 * owners and household members, the emergency contact and other contacts, the vehicles. Adds what
 * is not there yet (the same person with the same relation, the same plate, is left alone), moves
 * the archive's version on and records each addition with the case's serial as its source.
 */
export interface HouseholdRegistration {
  since?: string | null;
  members?: { name: string; phone?: string | null; idNumber?: string | null; relation: MemberRelation; note?: string | null }[];
  vehicles?: { plate: string; model?: string | null; color?: string | null }[];
}

export async function recordHousehold(em: EntityManager, w: ArchiveWriter, input: HouseholdRegistration): Promise<{ membersAdded: number; vehiclesAdded: number }> {
  const members = await ensureMembers(em, w.companyId, w.unitId, w.at);
  await em.flush();
  let membersAdded = 0;
  let vehiclesAdded = 0;
  for (const m of input.members ?? []) {
    const name = m.name.trim();
    if (!name) continue;
    const phone = m.phone && PHONE.test(m.phone.trim()) ? m.phone.trim() : null;
    const idNumber = m.idNumber && ID_NUMBER.test(m.idNumber.trim()) ? m.idNumber.trim() : null;
    const { person, created } = await personFor(em, w.companyId, { person: { name, phone, idNumber } });
    if (created) await em.flush();
    if (members.some((x) => x.until == null && x.personId === person.id && x.relation === m.relation)) continue;
    const member = em.create(HouseholdMember, { companyId: w.companyId, unitId: w.unitId, personId: person.id, relation: m.relation, note: clean(m.note)?.slice(0, 50) ?? null, since: clean(input.since), until: null, createdAt: w.at });
    members.push(member);
    await linkPerson(em, w.companyId, w.unitId, person.id, m.relation);
    await em.flush();
    history(em, w, 'member', member.id, 'add', 'relation', null, `${m.relation}:${person.name}`);
    membersAdded++;
  }
  for (const v of input.vehicles ?? []) {
    const plate = normalizePlate(v.plate);
    if (!PLATE.test(plate)) continue;
    if (await em.findOne(HouseholdVehicle, { companyId: w.companyId, unitId: w.unitId, plate, removedAt: null })) continue;
    const row = em.create(HouseholdVehicle, { companyId: w.companyId, unitId: w.unitId, personId: null, plate, model: clean(v.model)?.slice(0, 50) ?? null, color: clean(v.color)?.slice(0, 20) ?? null, createdAt: w.at, removedAt: null });
    await em.flush();
    history(em, w, 'vehicle', row.id, 'add', 'plate', null, [plate, row.model, row.color].filter(Boolean).join(' '));
    vehiclesAdded++;
  }
  if (membersAdded || vehiclesAdded) {
    const current = await versionOf(em, w.companyId, w.unitId);
    await bumpVersion(em, w.companyId, w.unitId, current, w.at);
  }
  await em.flush();
  return { membersAdded, vehiclesAdded };
}
