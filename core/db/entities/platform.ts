/**
 * The platform operator: an account outside every company (no company_id), who creates companies
 * and their first admins. Operators and their sessions live in tables of their own, so a staff
 * session can never be read as an operator's, nor an operator's as a staff member's: each login
 * kind looks only in its own table.
 */
import { EntitySchema } from '@mikro-orm/core';

export class PlatformOperator {
  id!: number;
  /** login name, unique among operators */
  username!: string;
  name!: string;
  passwordHash!: string;
  active: boolean = true;
  createdAt: Date = new Date();
}
export const PlatformOperatorSchema = new EntitySchema<PlatformOperator>({
  class: PlatformOperator,
  tableName: 'platform_operator',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    username: { type: 'string', length: 64, unique: true },
    name: { type: 'string', length: 100 },
    passwordHash: { type: 'string', length: 200, hidden: true },
    active: { type: 'boolean' },
    createdAt: { type: 'datetime' },
  },
});

/** An operator's login session; only the SHA-256 of the token is stored, as for staff. */
export class OperatorSession {
  tokenHash!: string;
  operatorId!: number;
  createdAt: Date = new Date();
  expiresAt!: Date;
}
export const OperatorSessionSchema = new EntitySchema<OperatorSession>({
  class: OperatorSession,
  tableName: 'operator_session',
  properties: {
    tokenHash: { type: 'string', length: 64, primary: true },
    operatorId: { type: 'integer' },
    createdAt: { type: 'datetime' },
    expiresAt: { type: 'datetime' },
  },
  indexes: [{ properties: ['operatorId'] }],
});

/**
 * One version of a year's official public holiday arrangement (the State Council's notice), held
 * by the platform for every company until the holiday package publishes that year. Each import
 * adds a version; the latest version of a year is the one in force (core/calendar/public-calendar.ts).
 */
export class PublicCalendarVersion {
  id!: number;
  year!: number;
  version!: number;
  holidays!: string[];
  workdays!: string[];
  /** the notice it comes from (title, number, date) */
  source!: string;
  /** who imported it: 'operator:<username>' or 'cli' */
  importedBy!: string;
  importedAt: Date = new Date();
}
export const PublicCalendarVersionSchema = new EntitySchema<PublicCalendarVersion>({
  class: PublicCalendarVersion,
  tableName: 'public_calendar_version',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    year: { type: 'integer' },
    version: { type: 'integer' },
    holidays: { type: 'json' },
    workdays: { type: 'json' },
    source: { type: 'string', length: 300 },
    importedBy: { type: 'string', length: 100 },
    importedAt: { type: 'datetime' },
  },
  uniques: [{ properties: ['year', 'version'] }],
});
