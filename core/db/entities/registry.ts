/**
 * The shared registry every plugin needs: companies (tenants), their projects, buildings, units,
 * people and staff. Rows reference each other by plain id columns (always with company_id), so
 * every query can — and must — filter by tenant.
 */
import { DecimalType, EntitySchema } from '@mikro-orm/core';

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
  indexes: [{ properties: ['companyId', 'projectId'] }],
});

export class Person {
  id!: number;
  companyId!: number;
  name!: string;
  phone?: string | null;
  /** national ID, kept confidential: never listed, only shown on the household archive */
  idNumber?: string | null;
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
  },
  indexes: [{ properties: ['companyId', 'name'] }],
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
