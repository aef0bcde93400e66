/**
 * Pure conversions between what a person types into a native input and the JSON value the form
 * declaration expects (date-time with offset, money strings, numbers, file sizes).
 */
import { DateTime } from 'luxon';

/** Staff work in the company's zone; the server stores UTC and shows Asia/Shanghai by default. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** 'browser' → the browser's zone; an unknown zone → Asia/Shanghai. */
export function resolveTimeZone(zone: string | undefined): string {
  if (!zone) return DEFAULT_TIME_ZONE;
  if (zone === 'browser') return Intl.DateTimeFormat().resolvedOptions().timeZone || DEFAULT_TIME_ZONE;
  return DateTime.local().setZone(zone).isValid ? zone : DEFAULT_TIME_ZONE;
}

/** A date-time value (ISO with offset) → `yyyy-MM-ddTHH:mm` for `<input type=datetime-local>` in `zone`; '' when not a date-time. */
export function isoToLocalInput(value: unknown, zone: string): string {
  if (typeof value !== 'string' || value === '') return '';
  const dt = DateTime.fromISO(value, { setZone: true });
  if (!dt.isValid) return '';
  const local = dt.setZone(zone);
  return local.second === 0 ? local.toFormat("yyyy-MM-dd'T'HH:mm") : local.toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

/** `yyyy-MM-ddTHH:mm[:ss]` typed in `zone` → ISO with offset (`2026-09-30T10:00:00+08:00`); undefined when empty or invalid. */
export function localInputToIso(local: string, zone: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(local)) return undefined;
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) return undefined;
  return dt.toISO({ suppressMilliseconds: true }) ?? undefined;
}

/**
 * Format `time` (RFC 3339 full-time, as ajv-formats checks it) needs an offset: `10:30:00+08:00`.
 * The offset is the zone's offset today (a time of day in a zone with summer time is ambiguous).
 */
export function inputToIsoTime(local: string, zone: string, today: DateTime = DateTime.now()): string | undefined {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return undefined;
  const offset = today.setZone(zone).toFormat('ZZ');
  return `${m[1]}:${m[2]}:${m[3] ?? '00'}${offset}`;
}

/** `10:30:00+08:00` → `10:30` for `<input type=time>` (the clock time as written; the offset is the zone's). */
export function isoTimeToInput(value: unknown): string {
  if (typeof value !== 'string') return '';
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (!m) return '';
  return m[3] && m[3] !== '00' ? `${m[1]}:${m[2]}:${m[3]}` : `${m[1]}:${m[2]}`;
}

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0D]/g;

/** Full-width digits, point and minus (typed with a Chinese IME) → ASCII. */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * What a person typed into a money field → the money string the format wants ('1234.50').
 * Separators, ¥ and 元 are dropped, full-width digits converted, and up to two decimals padded to
 * two. Anything that is not an amount comes back as typed (trimmed) so validation can say why.
 */
export function normalizeMoney(typed: string): string | undefined {
  const text = toHalfWidth(typed).replace(/[\s,，¥￥]|元$/g, '');
  if (text === '') return undefined;
  const m = /^(-?)(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!m) return typed.trim();
  const whole = m[2]!.replace(/^0+(?=\d)/, '');
  const fraction = (m[3] ?? '').padEnd(2, '0');
  const sign = m[1] && !/^0+$/.test(whole + fraction) ? '-' : '';
  return `${sign}${whole}.${fraction}`;
}

/** '1234.5' → '1,234.50' for display next to the input (exact: string arithmetic only). */
export function formatMoney(value: string): string {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value);
  if (!m) return value;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(m[3] ?? '').padEnd(2, '0')}`;
}

/** A typed number → a JSON number; text that is not a number comes back as typed so validation can say so. */
export function parseNumberInput(typed: string): number | string | undefined {
  const text = toHalfWidth(typed).trim();
  if (text === '') return undefined;
  if (/^-?(\d+(\.\d+)?|\.\d+)([eE][-+]?\d+)?$/.test(text)) {
    const n = Number(text);
    if (Number.isFinite(n)) return n;
  }
  return typed;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const shown = v >= 100 || Number.isInteger(v) ? String(Math.round(v)) : v.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${units[i]}`;
}

const MIME_NAMES: Record<string, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'application/pdf': 'PDF',
  'audio/mpeg': 'MP3',
  'video/mp4': 'MP4',
  'text/plain': 'TXT',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
};

/** 'image/jpeg' → 'JPEG', 'image/*' → 'image/*'. */
export function mimeName(type: string): string {
  return MIME_NAMES[type] ?? (type.endsWith('/*') ? type : (type.split('/')[1] ?? type).toUpperCase());
}

/** Does a file of MIME `type` (and name) match an accept list (`image/png`, `image/*`, `.pdf`)? Empty list accepts all. */
export function acceptsFile(accept: readonly string[] | undefined, type: string, name = ''): boolean {
  if (!accept || accept.length === 0) return true;
  const lower = type.toLowerCase();
  return accept.some((a) => {
    const rule = a.toLowerCase();
    if (rule.startsWith('.')) return name.toLowerCase().endsWith(rule);
    if (rule.endsWith('/*')) return lower.startsWith(rule.slice(0, -1));
    return lower === rule;
  });
}
