/**
 * Amounts in Chinese capital numerals (人民币大写) as printed on receipts, e.g. 1234.50 →
 * 壹仟贰佰叁拾肆元伍角整. Conventions (as on bank and tax forms): a run of zeros inside a section
 * prints one 零; an empty 万/亿 section prints nothing but a zero is kept before what follows;
 * whole yuan end in 整; 角 without 分 also ends in 整; 0 yuan with fen prints only the fen part.
 */
const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const IN_SECTION = ['', '拾', '佰', '仟'];
const SECTIONS = ['', '万', '亿', '万亿'];

/** One 4-digit section (0–9999) with its zero rules; `leadingZero` adds 零 when the section does not fill its thousands. */
function section(value: number, leadingZero: boolean): string {
  let out = '';
  let zeroPending = leadingZero;
  for (let pos = 3; pos >= 0; pos--) {
    const digit = Math.floor(value / 10 ** pos) % 10;
    if (digit === 0) {
      if (out) zeroPending = true;
      continue;
    }
    if (zeroPending) out += '零';
    zeroPending = false;
    out += DIGITS[digit]! + IN_SECTION[pos]!;
  }
  return out;
}

function integerYuan(yuan: bigint): string {
  if (yuan === 0n) return '';
  const sections: number[] = [];
  for (let rest = yuan; rest > 0n; rest /= 10000n) sections.push(Number(rest % 10000n));
  if (sections.length > SECTIONS.length) throw new RangeError('amount too large for capital numerals');
  let out = '';
  let zeroBefore = false;
  for (let i = sections.length - 1; i >= 0; i--) {
    const value = sections[i]!;
    if (value === 0) {
      if (out) zeroBefore = true;
      continue;
    }
    out += section(value, out !== '' && (zeroBefore || value < 1000)) + SECTIONS[i]!;
    zeroBefore = false;
  }
  return out + '元';
}

/** 大写 of a non-negative amount in fen. */
export function rmbCapital(fen: number | bigint): string {
  const total = BigInt(fen);
  if (total < 0n) throw new RangeError('capital numerals are for non-negative amounts');
  if (total === 0n) return '零元整';
  const yuan = total / 100n;
  const jiao = Number((total / 10n) % 10n);
  const fenDigit = Number(total % 10n);
  let out = integerYuan(yuan);
  if (jiao === 0 && fenDigit === 0) return out + '整';
  if (jiao > 0) out += DIGITS[jiao]! + '角';
  else if (yuan > 0n) out += '零';
  if (fenDigit > 0) out += DIGITS[fenDigit]! + '分';
  else out += '整';
  return out;
}
