/**
 * The shared registry every plugin needs: companies (tenants), their projects, buildings, units,
 * people and staff. Rows reference each other by plain id columns (always with company_id), so
 * every query can — and must — filter by tenant.
 */
import { DecimalType, EntitySchema } from '@mikro-orm/core';
import { syncPhoneKey } from '../../search/phone-key.js';

/**
 * A decimal read back with its declared scale on every database: SQLite hands back 120.5 for a
 * stored 120.50, PostgreSQL '120.50'; both become '120.50'.
 */
export class FixedScaleDecimal extends DecimalType {
  constructor(private readonly scale: number) {
    super('string');
  }

  override convertToJSValue(value: unknown): string {
    if (value === null || value === undefined) return value as never;
    const text = String(value);
    if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
    const [int = '0', frac = ''] = text.split('.');
    return this.scale === 0 ? int : `${int}.${frac.padEnd(this.scale, '0').slice(0, this.scale)}`;
  }
}

export class Company {
  id!: number;
  code!: string;
  name!: string;
  createdAt: Date = new Date();
}
export const CompanySchema = new EntitySchema<Company>({
  class: Company,
  tableName: 'company',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    code: { type: 'string', length: 32, unique: true },
    name: { type: 'string', length: 200 },
    createdAt: { type: 'datetime' },
  },
});

export class Project {
  id!: number;
  companyId!: number;
  code!: string;
  name!: string;
}
export const ProjectSchema = new EntitySchema<Project>({
  class: Project,
  tableName: 'project',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    code: { type: 'string', length: 32 },
    name: { type: 'string', length: 200 },
  },
  uniques: [{ properties: ['companyId', 'code'] }],
});

export class Building {
  id!: number;
  companyId!: number;
  projectId!: number;
  code!: string;
  name!: string;
}
export const BuildingSchema = new EntitySchema<Building>({
  class: Building,
  tableName: 'building',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    projectId: { type: 'integer' },
    code: { type: 'string', length: 32 },
    name: { type: 'string', length: 200 },
  },
  uniques: [{ properties: ['projectId', 'code'] }],
  indexes: [{ properties: ['companyId', 'projectId'] }],
});

export class Unit {
  id!: number;
  companyId!: number;
  projectId!: number;
  buildingId!: number;
  /** room number within the building, e.g. '1201' */
  number!: string;
  floor?: number | null;
  /** floor area in m², exact decimal string */
  area!: string;
  /** e.g. residential, commercial, parking — fee rates depend on it */
  unitType!: string;
  /** occupancy status as the intake procedure keeps it: vacant, occupied, entrusted… */
  status!: string;
}
export const UnitSchema = new EntitySchema<Unit>({
  class: Unit,
  tableName: 'unit',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    projectId: { type: 'integer' },
    buildingId: { type: 'integer' },
    number: { type: 'string', length: 32 },
    floor: { type: 'integer', nullable: true },
    area: { type: new FixedScaleDecimal(2), precision: 10, scale: 2 },
    unitType: { type: 'string', length: 32 },
    status: { type: 'string', length: 32 },
  },
  uniques: [{ properties: ['buildingId', 'number'] }],
  // global search: a bare room number ("302") across the company's buildings
  indexes: [{ properties: ['companyId', 'projectId'] }, { properties: ['companyId', 'number'] }],
});

export class Person {
  id!: number;
  companyId!: number;
  name!: string;
  phone?: string | null;
  /** national ID, kept confidential: never listed, only shown on the household archive */
  idNumber?: string | null;
  /** the phone's digits reversed, for search by whole number or last digits (core/search/phone-key.ts); derived, never set by hand */
  phoneKey?: string | null;
}
export const PersonSchema = new EntitySchema<Person>({
  class: Person,
  tableName: 'person',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    name: { type: 'string', length: 100 },
    phone: { type: 'string', length: 32, nullable: true },
    idNumber: { type: 'string', length: 32, nullable: true },
    phoneKey: { type: 'string', length: 32, nullable: true },
  },
  indexes: [{ properties: ['companyId', 'name'] }, { properties: ['companyId', 'phoneKey'] }],
  // global search: phoneKey follows phone on every ORM write
  hooks: { beforeCreate: [({ entity }: { entity: Person }) => syncPhoneKey(entity)], beforeUpdate: [({ entity }: { entity: Person }) => syncPhoneKey(entity)] },
});

/** A person's link to a unit: owner, occupant (tenant/user) or authorised agent (受托人). */
export class UnitPerson {
  id!: number;
  companyId!: number;
  unitId!: number;
  personId!: number;
  relation!: 'owner' | 'occupant' | 'agent';
}
export const UnitPersonSchema = new EntitySchema<UnitPerson>({
  class: UnitPerson,
  tableName: 'unit_person',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    unitId: { type: 'integer' },
    personId: { type: 'integer' },
    relation: { type: 'string', length: 16 },
  },
  uniques: [{ properties: ['unitId', 'personId', 'relation'] }],
  indexes: [{ properties: ['personId'] }],
});

export class Staff {
  id!: number;
  companyId!: number;
  /** login name, unique across the platform */
  username!: string;
  name!: string;
  passwordHash!: string;
  /** role ids (岗位) from the company's configuration */
  roles!: string[];
  active: boolean = true;
  language: string = 'zh-CN';
  /** skills (技能, e.g. 水电, 门窗) from the company's assignment.skills list: assignment rules pick by them */
  skills?: string[] | null;
}
export const StaffSchema = new EntitySchema<Staff>({
  class: Staff,
  tableName: 'staff',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    username: { type: 'string', length: 64, unique: true },
    name: { type: 'string', length: 100 },
    passwordHash: { type: 'string', length: 200, hidden: true },
    roles: { type: 'json' },
    active: { type: 'boolean' },
    language: { type: 'string', length: 8 },
    skills: { type: 'json', nullable: true },
  },
  indexes: [{ properties: ['companyId'] }],
});

export class StaffProject {
  id!: number;
  companyId!: number;
  staffId!: number;
  projectId!: number;
}
export const StaffProjectSchema = new EntitySchema<StaffProject>({
  class: StaffProject,
  tableName: 'staff_project',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    staffId: { type: 'integer' },
    projectId: { type: 'integer' },
  },
  uniques: [{ properties: ['staffId', 'projectId'] }],
});

/** A login session; only the SHA-256 of the token is stored. */
export class Session {
  tokenHash!: string;
  companyId!: number;
  staffId!: number;
  createdAt: Date = new Date();
  expiresAt!: Date;
}
export const SessionSchema = new EntitySchema<Session>({
  class: Session,
  tableName: 'session',
  properties: {
    tokenHash: { type: 'string', length: 64, primary: true },
    companyId: { type: 'integer' },
    staffId: { type: 'integer' },
    createdAt: { type: 'datetime' },
    expiresAt: { type: 'datetime' },
  },
  indexes: [{ properties: ['staffId'] }],
});

/**
 * The household archive (一户一档) of a unit: who belongs to it and how, over time. Current owners,
 * tenants and agents are mirrored into unit_person (what the rest of the platform reads); a member
 * who left (a tenant moved out, an owner who sold) keeps the row with `until` set — never deleted.
 * relation: owner, coOwner, tenant, family, agent, emergency (emergency contact); note says more
 * (配偶, 子女, the emergency contact's relation).
 */
export class HouseholdMember {
  id!: number;
  companyId!: number;
  unitId!: number;
  personId!: number;
  relation!: string;
  note?: string | null;
  /** ISO dates (yyyy-MM-dd): moved in / became owner, moved out / sold */
  since?: string | null;
  until?: string | null;
  createdAt: Date = new Date();
}
export const HouseholdMemberSchema = new EntitySchema<HouseholdMember>({
  class: HouseholdMember,
  tableName: 'household_member',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    unitId: { type: 'integer' },
    personId: { type: 'integer' },
    relation: { type: 'string', length: 16 },
    note: { type: 'string', length: 50, nullable: true },
    since: { type: 'string', length: 10, nullable: true },
    until: { type: 'string', length: 10, nullable: true },
    createdAt: { type: 'datetime' },
  },
  indexes: [{ properties: ['companyId', 'unitId'] }, { properties: ['personId'] }],
});

/** A vehicle registered to a household (车牌, 品牌型号, 颜色); removed ones keep their row. */
export class HouseholdVehicle {
  id!: number;
  companyId!: number;
  unitId!: number;
  personId?: number | null;
  plate!: string;
  model?: string | null;
  color?: string | null;
  createdAt: Date = new Date();
  removedAt?: Date | null;
}
export const HouseholdVehicleSchema = new EntitySchema<HouseholdVehicle>({
  class: HouseholdVehicle,
  tableName: 'household_vehicle',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    unitId: { type: 'integer' },
    personId: { type: 'integer', nullable: true },
    plate: { type: 'string', length: 16 },
    model: { type: 'string', length: 50, nullable: true },
    color: { type: 'string', length: 20, nullable: true },
    createdAt: { type: 'datetime' },
    removedAt: { type: 'datetime', nullable: true },
  },
  indexes: [{ properties: ['companyId', 'unitId'] }, { properties: ['companyId', 'plate'] }],
});

/** A parking space a household holds: owned (产权) or rented (租用), from/until (ISO dates). */
export class HouseholdParking {
  id!: number;
  companyId!: number;
  unitId!: number;
  number!: string;
  kind!: string;
  since?: string | null;
  until?: string | null;
  createdAt: Date = new Date();
  removedAt?: Date | null;
}
export const HouseholdParkingSchema = new EntitySchema<HouseholdParking>({
  class: HouseholdParking,
  tableName: 'household_parking',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    unitId: { type: 'integer' },
    number: { type: 'string', length: 32 },
    kind: { type: 'string', length: 16 },
    since: { type: 'string', length: 10, nullable: true },
    until: { type: 'string', length: 10, nullable: true },
    createdAt: { type: 'datetime' },
    removedAt: { type: 'datetime', nullable: true },
  },
  indexes: [{ properties: ['companyId', 'unitId'] }],
});

/** The optimistic version of a unit's archive: every write names the version it read (stale → 409). */
export class HouseholdArchive {
  id!: number;
  companyId!: number;
  unitId!: number;
  version!: number;
  updatedAt: Date = new Date();
}
export const HouseholdArchiveSchema = new EntitySchema<HouseholdArchive>({
  class: HouseholdArchive,
  tableName: 'household_archive',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    unitId: { type: 'integer', unique: true },
    version: { type: 'integer' },
    updatedAt: { type: 'datetime' },
  },
});

/**
 * One change to a household archive: who, when, what, old → new. Phone and ID values are stored
 * masked (138****0001): the history shows that a number changed, never the number.
 */
export class ArchiveChange {
  id!: number;
  companyId!: number;
  unitId!: number;
  /** staff member, or null for the system */
  actorId?: number | null;
  at!: Date;
  /** person, member, vehicle, parking, ownership */
  subject!: string;
  subjectId?: number | null;
  /** add, change, end, remove, transfer */
  action!: string;
  field?: string | null;
  oldValue?: string | null;
  newValue?: string | null;
  /** e.g. the move-in case's serial the change came from */
  source?: string | null;
}
export const ArchiveChangeSchema = new EntitySchema<ArchiveChange>({
  class: ArchiveChange,
  tableName: 'archive_change',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    unitId: { type: 'integer' },
    actorId: { type: 'integer', nullable: true },
    at: { type: 'datetime' },
    subject: { type: 'string', length: 16 },
    subjectId: { type: 'integer', nullable: true },
    action: { type: 'string', length: 16 },
    field: { type: 'string', length: 32, nullable: true },
    oldValue: { type: 'string', length: 200, nullable: true },
    newValue: { type: 'string', length: 200, nullable: true },
    source: { type: 'string', length: 64, nullable: true },
  },
  indexes: [{ properties: ['companyId', 'unitId'] }],
});

/** Who read (or explicitly revealed) which household's personal data, and when (保密). */
export class PersonalDataRead {
  id!: number;
  companyId!: number;
  staffId!: number;
  unitId?: number | null;
  personId?: number | null;
  at!: Date;
  /** read (a response carried the data) or reveal (an explicit, reasoned unmasking) */
  kind!: string;
  field?: string | null;
  reason?: string | null;
  /** what was read: archive, unit, people, cases … */
  via?: string | null;
}
export const PersonalDataReadSchema = new EntitySchema<PersonalDataRead>({
  class: PersonalDataRead,
  tableName: 'personal_data_read',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    staffId: { type: 'integer' },
    unitId: { type: 'integer', nullable: true },
    personId: { type: 'integer', nullable: true },
    at: { type: 'datetime' },
    kind: { type: 'string', length: 16 },
    field: { type: 'string', length: 16, nullable: true },
    reason: { type: 'string', length: 200, nullable: true },
    via: { type: 'string', length: 32, nullable: true },
  },
  indexes: [{ properties: ['companyId', 'at'] }, { properties: ['companyId', 'unitId'] }],
});
