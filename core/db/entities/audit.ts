/** Who changed what in a company's setup (staff, roles, configuration), append-only. */
import { EntitySchema } from '@mikro-orm/core';

export class AuditEntry {
  id!: number;
  companyId!: number;
  actorId!: number;
  /** e.g. staff.create, staff.update, config.propose, config.activate, config.rollback */
  action!: string;
  /** what it was done to, e.g. staff:12, config:3 */
  target!: string;
  data!: Record<string, unknown>;
  createdAt!: Date;
}
export const AuditEntrySchema = new EntitySchema<AuditEntry>({
  class: AuditEntry,
  tableName: 'audit_entry',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    actorId: { type: 'integer' },
    action: { type: 'string', length: 64 },
    target: { type: 'string', length: 64 },
    data: { type: 'json' },
    createdAt: { type: 'datetime' },
  },
  indexes: [{ properties: ['companyId', 'id'] }],
});
