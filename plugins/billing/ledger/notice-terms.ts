/** Figures the notices print, taken from the settings so a company's change shows on paper. */
import { MoneyDecimal } from '../../../core/plugin-api.js';

type Term = { months?: number; days?: number };

/** "1个月" / "5日", "1 month" / "5 days". */
export function termText(term: Term, language: 'zh-CN' | 'en'): string {
  const parts: string[] = [];
  const months = term.months ?? 0;
  const days = term.days ?? 0;
  if (language === 'en') {
    if (months) parts.push(`${months} month${months === 1 ? '' : 's'}`);
    if (days) parts.push(`${days} day${days === 1 ? '' : 's'}`);
    return parts.join(' and ') || '0 days';
  }
  if (months) parts.push(`${months}个月`);
  if (days) parts.push(`${days}日`);
  return parts.join('') || '0日';
}

/** "0.003" per day → "3" (‰). */
export function perMille(ratePerDay: string): string {
  return new MoneyDecimal(ratePerDay).times(1000).toFixed();
}
