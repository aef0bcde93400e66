/** How one notification reads: its kind, and a line of detail in the reader's language. */
import { roleTitle, stateTitle } from '../app-state.js';
import { formatDateTime } from '../format.js';
import { loc, type Localized } from '../i18n.js';
import type { StaffNotificationKind, StaffNotificationView } from '../../../core/http/api-types.js';
import { nt, type NotificationKey } from './notifications-i18n.js';

/** one row of the 通知 list, as the server builds it */
export type NotificationItem = StaffNotificationView;

export const KINDS = ['assignedToMe', 'assignedToRole', 'dueSoon', 'overdue', 'escalatedToMe', 'returnedForRework', 'followUpDue', 'message'] as const satisfies readonly StaffNotificationKind[];

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The clock's title the server copied from the workflow (never its key: staff do not read ids). */
function deadlineTitle(data: Record<string, unknown>): string {
  const title = data.deadlineTitle;
  return (title && typeof title === 'object' ? loc(title as Localized) : '') || nt('aDeadline');
}

export function kindLabel(kind: string): string {
  return (KINDS as readonly string[]).includes(kind) ? nt(`kind_${kind}` as NotificationKey) : '';
}

export function detailLine(n: NotificationItem): string {
  const d = n.data;
  const deadline = deadlineTitle(d);
  switch (n.kind) {
    case 'assignedToMe': return d.role ? nt('detail_assignedToMe', { role: roleTitle(text(d.role)) }) : '';
    case 'assignedToRole': return nt('detail_assignedToRole', { role: roleTitle(text(d.role)), state: stateTitle(n.caseType, text(d.state)) });
    case 'dueSoon': return nt('detail_dueSoon', { deadline, time: formatDateTime(text(d.dueAt)) });
    case 'overdue': return nt('detail_overdue', { deadline });
    case 'escalatedToMe': return nt('detail_escalatedToMe', { deadline, from: roleTitle(text(d.from)), to: roleTitle(text(d.to)) });
    case 'returnedForRework': return nt('detail_returnedForRework', { state: stateTitle(n.caseType, text(d.state)) });
    case 'followUpDue': return nt('detail_followUpDue', { time: formatDateTime(text(d.dueAt)) });
    // a workflow's message to staff: its title and the text the server rendered (lit escapes it)
    case 'message': return nt('detail_message', { title: d.title && typeof d.title === 'object' ? loc(d.title as Localized) : '', text: text(d.text) });
    default: return '';
  }
}
