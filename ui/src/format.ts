/**
 * Times and durations as staff read them. Times are shown in the company's time zone
 * (Asia/Shanghai); countdowns read "剩余 25分钟" / "逾期 3小时".
 */
import { getLanguage, t } from './i18n.js';

export const TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'dateTime' | 'date'): Intl.DateTimeFormat {
  const key = `${getLanguage()}|${kind}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(getLanguage() === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: TIME_ZONE,
      year: 'numeric', month: '2-digit', day: '2-digit',
      ...(kind === 'dateTime' ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : formatter('dateTime').format(d);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : formatter('date').format(d);
}

/** "25分钟", "3小时", "2天3小时" — coarse enough to read at a glance. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return t('lessThanMinute');
  if (minutes < 60) return t('minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const m = minutes % 60;
    return hours < 6 && m > 0 ? t('hoursMinutes', { h: hours, m }) : t('hours', { n: hours });
  }
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return days < 3 && h > 0 ? t('daysHours', { d: days, h }) : t('days', { n: days });
}

/** { text: '逾期 3小时', overdue: true } for a due time relative to now. */
export function countdown(dueAt: string, now = Date.now()): { text: string; overdue: boolean } {
  const diff = new Date(dueAt).getTime() - now;
  return diff < 0
    ? { text: t('overdueBy', { d: formatDuration(diff) }), overdue: true }
    : { text: t('remaining', { d: formatDuration(diff) }), overdue: false };
}

/** Local date input value (YYYY-MM-DD) → ISO instant at the start of that day in the company zone. */
export function dayStartIso(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

/** The day after `day`, as the exclusive upper bound of a date range. */
export function nextDayStartIso(day: string): string {
  return new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
}

/** A file size as people read it: "812 B", "35.2 KB", "2.4 MB". */
export function formatFileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb < 100 ? kb.toFixed(1).replace(/\.0$/, '') : Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 100 ? mb.toFixed(1).replace(/\.0$/, '') : Math.round(mb)} MB`;
}

/** A money string as on a receipt: '60' → '¥60.00', '25.5' → '¥25.50' (string arithmetic, exact). */
export function moneyText(value: string): string {
  const m = /^(-?\d+)(?:\.(\d{1,2}))?$/.exec(value);
  return m ? `¥${m[1]}.${(m[2] ?? '').padEnd(2, '0')}` : `¥${value}`;
}
