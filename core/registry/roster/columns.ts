/**
 * The columns of a roster (楼栋房屋业主清单) as a property company's spreadsheet names them:
 * Chinese headers first, English accepted. Each column turns a cell's text into a value or says
 * what is wrong with it, in words a clerk understands.
 */
export type ColumnKey = 'project' | 'buildingCode' | 'buildingName' | 'unitNumber' | 'floor' | 'area' | 'unitType' | 'status' | 'ownerName' | 'phone' | 'idNumber' | 'relation';

export interface Column {
  key: ColumnKey;
  /** accepted header texts, the first is the one we write in templates */
  headers: string[];
  required: boolean;
  /** the value, or an error message */
  parse(text: string): { value: string | number | null } | { error: string };
}

const CODE = /^[A-Za-z0-9_-]{1,32}$/;
const DECIMAL = /^\d{1,8}(\.\d{1,2})?$/;
const PHONE = /^[0-9+\-() ]{5,20}$/;

const UNIT_TYPES: Record<string, string> = { 住宅: 'residential', 商铺: 'commercial', 商业: 'commercial', 车位: 'parking', 办公: 'office', 仓储: 'storage' };
const STATUSES: Record<string, string> = { 空置: 'vacant', 空置房: 'vacant', 入住: 'occupied', 已入住: 'occupied', 自住: 'occupied', 出租: 'occupied', 托管: 'entrusted', 装修: 'renovating', 装修中: 'renovating' };
const RELATIONS: Record<string, string> = { 业主: 'owner', 产权人: 'owner', 住户: 'occupant', 租户: 'occupant', 使用人: 'occupant', 受托人: 'agent', 代理人: 'agent' };

const text = (max: number) => (t: string) => (t.length > max ? { error: `最多 ${max} 个字 / at most ${max} characters` } : { value: t || null });
const mapped = (table: Record<string, string>, allowed: string[], what: string) => (t: string) => {
  if (!t) return { value: null };
  const v = table[t] ?? t;
  return allowed.includes(v) ? { value: v } : { error: `${what}应为 ${Object.keys(table).join('、')} 或 ${allowed.join(', ')} / ${what}: "${t}" is not one of ${allowed.join(', ')}` };
};

export const COLUMNS: readonly Column[] = [
  { key: 'project', headers: ['项目编码', 'project'], required: true, parse: (t) => (CODE.test(t) ? { value: t } : { error: '项目编码只能是字母、数字、- 和 _ / project code: letters, digits, - and _' }) },
  { key: 'buildingCode', headers: ['楼栋编码', 'building'], required: true, parse: (t) => (CODE.test(t) ? { value: t } : { error: '楼栋编码只能是字母、数字、- 和 _ / building code: letters, digits, - and _' }) },
  { key: 'buildingName', headers: ['楼栋名称', 'buildingName'], required: false, parse: text(200) },
  { key: 'unitNumber', headers: ['房号', 'unit'], required: true, parse: (t) => (t.length <= 32 ? { value: t } : { error: '房号最多 32 个字 / at most 32 characters' }) },
  {
    key: 'floor', headers: ['楼层', 'floor'], required: false,
    parse: (t) => (!t ? { value: null } : /^-?\d{1,3}$/.test(t) && Number(t) >= -10 && Number(t) <= 300 ? { value: Number(t) } : { error: '楼层应为 -10 到 300 的整数 / floor: a whole number from -10 to 300' }),
  },
  {
    key: 'area', headers: ['建筑面积', 'area'], required: true,
    parse: (t) => (DECIMAL.test(t) && Number(t) > 0 ? { value: withTwoDecimals(t) } : { error: '建筑面积应为大于 0 的数，最多两位小数 / area: a number above 0 with at most 2 decimals' }),
  },
  { key: 'unitType', headers: ['房屋类型', 'unitType'], required: true, parse: mapped(UNIT_TYPES, ['residential', 'commercial', 'parking', 'office', 'storage'], '房屋类型') },
  { key: 'status', headers: ['状态', 'status'], required: false, parse: mapped(STATUSES, ['vacant', 'occupied', 'entrusted', 'renovating'], '状态') },
  { key: 'ownerName', headers: ['业主姓名', 'ownerName', '姓名'], required: false, parse: text(100) },
  { key: 'phone', headers: ['联系电话', 'phone'], required: false, parse: (t) => (!t || PHONE.test(t) ? { value: t || null } : { error: '联系电话格式不对 / phone: digits, +, -, spaces' }) },
  { key: 'idNumber', headers: ['证件号码', 'idNumber'], required: false, parse: text(32) },
  { key: 'relation', headers: ['关系', 'relation'], required: false, parse: mapped(RELATIONS, ['owner', 'occupant', 'agent'], '关系') },
];

/** '89.5' -> '89.50', '089' -> '89.00': areas are stored with two decimals */
function withTwoDecimals(t: string): string {
  const [int = '0', frac = ''] = t.split('.');
  return `${BigInt(int)}.${frac.padEnd(2, '0')}`;
}

/** Spreadsheet column letter of a 0-based index: 0 -> A, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
