/** Strings of the statistics dashboard and the follow-up rates (zh-CN default, English), loaded with those pages only. */
import { addMessages, getLanguage, translate, type Params } from '../i18n.js';
import zh from './messages/zh-CN.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };

type ReportKey = keyof typeof zh;

addMessages('reports', { 'zh-CN': zh, en });

/** A statistics string; unknown keys come back as themselves. */
export function rt(key: ReportKey | (string & {}), params?: Params): string {
  return translate('reports', key, params);
}

/** "0.8333" → "83.33%", null → "—" (exact on the string). */
export function percent(share: string | number | null | undefined): string {
  if (share === null || share === undefined) return '—';
  const s = typeof share === 'number' ? share.toFixed(4) : share;
  const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return s;
  const frac = (m[2] ?? '').padEnd(4, '0');
  const whole = `${m[1]}${frac.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = frac.slice(2).replace(/0+$/, '');
  return `${whole}${rest ? `.${rest}` : ''}%`;
}

/** A follow-up deadline as a time limit: "3天内", "次月10日前" (a date, so no 内). */
export function durationText(d: { amount: number; unit: string } | undefined): string {
  if (!d) return '';
  return rt(`unit_${d.unit}`, { n: d.amount }).replace(`unit_${d.unit}`, `${d.amount} ${d.unit}`);
}

export const methodText = (m: string) => {
  const s = rt(`method_${m}`);
  return s === `method_${m}` ? m : s;
};
