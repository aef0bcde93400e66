/**
 * What a search box text may mean. One text often has several readings ("0001" is a phone's last
 * digits, a room and a case number's tail); each reading found is searched and the results grouped.
 */

export interface RoomReading {
  /** project name or code the room was qualified with ("翠湖花园 1栋 302"), if any */
  project?: string;
  /** building code or name ("1", "A", "1栋"); absent for a bare room number */
  building?: string;
  /** a project or building name given before a bare room ("翠湖花园 302") */
  place?: string;
  number: string;
}

export interface SearchReadings {
  /** the text as searched: NFKC (full-width digits and letters folded), trimmed, single spaces */
  text: string;
  rooms: RoomReading[];
  /** the phone's digits reversed (core/search/phone-key.ts): a prefix of person.phone_key */
  phoneKeyPrefix?: string;
  name?: string;
  /** a whole serial, upper case: TS-2026-000042 */
  serial?: string;
  /** a serial's tail: its number, with the year when given ("2026-42", "000042", "42") */
  serialTail?: { year?: number; seq: number };
}

const ROOM = '[A-Z0-9]{1,8}';
const BUILDING_MARK = '(?:栋|幢|座|号楼|#|-|—|\\s|单元)';
const ROOM_MARK = '(?:室|号|房)?';
const QUALIFIED = new RegExp(`^(.*?)[\\s-]*(${ROOM})\\s*${BUILDING_MARK}\\s*(${ROOM})${ROOM_MARK}$`);
const BARE = new RegExp(`^(\\d{3,5}[A-Z]?)${ROOM_MARK}$`);
const PLACE_AND_ROOM = new RegExp(`^(\\D*[^\\sA-Z0-9-])\\s*(\\d{3,5}[A-Z]?)${ROOM_MARK}$`);

export function normaliseQuery(q: string): string {
  return q.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

/** Why a text cannot be searched (null when it can): too long, empty, or with control characters. */
export function queryProblem(q: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(q)) return '不能包含控制字符';
  const text = normaliseQuery(q);
  if (!text) return '请输入要查找的内容';
  if ([...text].length > 50) return '最长 50 个字';
  return null;
}

export function readQuery(q: string): SearchReadings {
  const text = normaliseQuery(q);
  const upper = text.toUpperCase();
  const out: SearchReadings = { text, rooms: [] };

  const qualified = QUALIFIED.exec(upper);
  if (qualified) {
    const project = qualified[1]!.replace(/[\s-]+$/, '').trim();
    out.rooms.push({ ...(project ? { project } : {}), building: qualified[2]!, number: qualified[3]! });
  }
  const bare = BARE.exec(upper);
  if (bare) out.rooms.push({ number: bare[1]! });
  const placed = PLACE_AND_ROOM.exec(upper);
  if (placed && !qualified) out.rooms.push({ place: placed[1]!.trim(), number: placed[2]! });

  const digits = text.replace(/[\s\-()+]/g, '');
  // "12-1503" is a room, not a phone's last digits; "138-0000-0001" is a phone
  if (/^\d{4,20}$/.test(digits) && (!qualified || digits.length >= 7)) out.phoneKeyPrefix = [...digits].reverse().join('');

  if (/[\p{L}]/u.test(text) && !/^[A-Z]{1,10}-\d{4}-\d{1,7}$/i.test(text) && !qualified) out.name = text;
  // a name may well be typed with a room before it's recognised: "张" — and letters-only names too
  if (qualified && /[\p{Script=Han}]/u.test(text) && !/[栋幢座号楼室单元]/u.test(text)) out.name = text;

  const serial = /^([A-Z]{1,10})-(\d{4})-(\d{1,7})$/.exec(upper);
  if (serial) out.serial = `${serial[1]}-${serial[2]}-${serial[3]!.padStart(6, '0')}`;
  const tail = /^(?:(\d{4})-)?(\d{1,7})$/.exec(upper);
  if (tail && Number(tail[2]) > 0) out.serialTail = { ...(tail[1] ? { year: Number(tail[1]) } : {}), seq: Number(tail[2]) };
  return out;
}

/** A phone as search results show it: 138****0001 (the archive page is where a number may be revealed). */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length >= 3) return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
  return '****';
}
