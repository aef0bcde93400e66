/**
 * Staff notifications (in the app): one row per recipient and cause, fanned out by a job from the
 * case events and clocks the kernel already writes. Unique per (source, recipient), so a rerun or
 * a second instance never notifies twice. Preferences say which kinds a staff member gets; the
 * cursor remembers how far the job has read the case event log.
 */
import { EntitySchema } from '@mikro-orm/core';

export class StaffNotification {
  id!: number;
  companyId!: number;
  staffId!: number;
  /** assignedToMe, assignedToRole, dueSoon, overdue, escalatedToMe, returnedForRework, followUpDue, message */
  kind!: string;
  /** what caused it, e.g. event:42, deadline:7:dueSoon, followUp:3, notify:12:v3:majorComplaint — unique with the recipient */
  source!: string;
  caseId!: number;
  caseType!: string;
  projectId!: number;
  serial!: string;
  /** the case's one-line title when the notification was made */
  caseTitle?: string | null;
  /** kind-specific facts the list shows (role, state, due time), never personal data */
  data!: Record<string, unknown>;
  createdAt!: Date;
  readAt?: Date | null;
}
export const StaffNotificationSchema = new EntitySchema<StaffNotification>({
  class: StaffNotification,
  tableName: 'staff_notification',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    staffId: { type: 'integer' },
    kind: { type: 'string', length: 32 },
    source: { type: 'string', length: 64 },
    caseId: { type: 'integer' },
    caseType: { type: 'string', length: 64 },
    projectId: { type: 'integer' },
    serial: { type: 'string', length: 32 },
    caseTitle: { type: 'string', length: 200, nullable: true },
    data: { type: 'json' },
    createdAt: { type: 'datetime' },
    readAt: { type: 'datetime', nullable: true },
  },
  uniques: [{ properties: ['source', 'staffId'] }],
  // the list (newest first, keyset on id) and the unread count of one staff member
  indexes: [{ properties: ['companyId', 'staffId', 'id'] }, { properties: ['companyId', 'staffId', 'readAt'] }],
});

/** Which kinds a staff member turned off (absent row: the defaults). */
export class StaffNotificationPrefs {
  staffId!: number;
  companyId!: number;
  /** kinds not wanted */
  muted!: string[];
  updatedAt!: Date;
}
export const StaffNotificationPrefsSchema = new EntitySchema<StaffNotificationPrefs>({
  class: StaffNotificationPrefs,
  tableName: 'staff_notification_prefs',
  properties: {
    staffId: { type: 'integer', primary: true, autoincrement: false },
    companyId: { type: 'integer' },
    muted: { type: 'json' },
    updatedAt: { type: 'datetime' },
  },
});

/** How far a tailing job has read an append-only log (the case events). */
export class NotificationCursor {
  name!: string;
  lastId!: number;
}
export const NotificationCursorSchema = new EntitySchema<NotificationCursor>({
  class: NotificationCursor,
  tableName: 'notification_cursor',
  properties: {
    name: { type: 'string', length: 64, primary: true },
    lastId: { type: 'integer' },
  },
});
