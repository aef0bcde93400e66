/**
 * Immutable versions of a company's configuration document (schemas/config.schema.json). A row is
 * never updated except for its status bookkeeping; cases point at the version they were opened under.
 */
import { EntitySchema } from '@mikro-orm/core';

export type ConfigStatus = 'proposed' | 'activated' | 'withdrawn';

export class ConfigVersion {
  id!: number;
  companyId!: number;
  /** 1, 2, 3… per company */
  number!: number;
  document!: Record<string, unknown>;
  status!: ConfigStatus;
  reason!: string;
  authorId?: number | null;
  createdAt: Date = new Date();
  /** the version becomes the one new cases use from this instant */
  effectiveFrom!: Date;
  activatedAt?: Date | null;
  activatedBy?: number | null;
  /** the version this one was proposed on top of */
  basedOn?: number | null;
}
export const ConfigVersionSchema = new EntitySchema<ConfigVersion>({
  class: ConfigVersion,
  tableName: 'config_version',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    number: { type: 'integer' },
    document: { type: 'json' },
    status: { type: 'string', length: 16 },
    reason: { type: 'string', length: 500 },
    authorId: { type: 'integer', nullable: true },
    createdAt: { type: 'datetime' },
    effectiveFrom: { type: 'datetime' },
    activatedAt: { type: 'datetime', nullable: true },
    activatedBy: { type: 'integer', nullable: true },
    basedOn: { type: 'integer', nullable: true },
  },
  uniques: [{ properties: ['companyId', 'number'] }],
});
