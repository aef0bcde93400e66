/**
 * duty-desk's own table: the supervisor's daily sign-off of the 日清日审 board, one per project
 * and day (the board itself is computed from the cases, never stored).
 */
import { EntitySchema } from '@mikro-orm/core';

export class DutyDeskSignOff {
  id!: number;
  companyId!: number;
  projectId!: number;
  /** the reviewed day, YYYY-MM-DD in the company's time zone */
  reviewDate!: string;
  signedBy!: number;
  signedAt!: Date;
  note!: string;
  /** what the board showed when it was signed */
  openCount!: number;
  overdueCount!: number;
}

export const DutyDeskSignOffSchema = new EntitySchema<DutyDeskSignOff>({
  class: DutyDeskSignOff,
  tableName: 'duty_desk_sign_off',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    projectId: { type: 'integer' },
    reviewDate: { type: 'string', length: 10 },
    signedBy: { type: 'integer' },
    signedAt: { type: 'datetime' },
    note: { type: 'string', length: 1000 },
    openCount: { type: 'integer' },
    overdueCount: { type: 'integer' },
  },
  uniques: [{ properties: ['companyId', 'projectId', 'reviewDate'] }],
});
