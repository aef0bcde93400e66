/**
 * A period key in words, as staff and residents read it on screens, ledgers and paper:
 * 2026-12 → 2026年12月, 2027-Q1 → 2027年第1季度, 2027-H1 → 2027年上半年, 2027-P2 → 2027年第2期.
 * A key of the company's year starting in another month keeps the year it starts in (cycle-calendar).
 */
export function periodLabel(periodKey: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(periodKey);
  if (month) return `${month[1]}年${Number(month[2])}月`;
  const other = /^(\d{4})-([QHP])(\d{1,2})$/.exec(periodKey);
  if (!other) return periodKey;
  const [, year, letter, n] = other;
  if (letter === 'Q') return `${year}年第${Number(n)}季度`;
  if (letter === 'H') return `${year}年${n === '1' ? '上' : '下'}半年`;
  return `${year}年第${Number(n)}期`;
}
