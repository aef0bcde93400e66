/** The kinds of staff notification, and which a staff member gets when they chose nothing. */

export const STAFF_NOTIFICATION_KINDS = [
  'assignedToMe', 'assignedToRole', 'dueSoon', 'overdue', 'escalatedToMe', 'returnedForRework', 'followUpDue',
  // a workflow's notify effect to the assignee or a role (core/notifications/staff/notify-staff.ts)
  'message',
] as const;

export type StaffNotificationKind = (typeof STAFF_NOTIFICATION_KINDS)[number];

/** Everything is on by default: missing work is worse than one more badge. */
export const DEFAULT_MUTED: readonly StaffNotificationKind[] = [];

/** The bus topic telling every instance whose unread count changed (payload: `companyId:staffId,staffId…`). */
export const STAFF_NOTIFICATIONS_TOPIC = 'staff-notifications';

/** How far ahead a running clock counts as due soon. */
export const DUE_SOON_MS = 60 * 60_000;
