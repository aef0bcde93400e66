/** What the billing pages share: their styles, error texts and the issues of one field. */
import { css, html, nothing } from 'lit';
import { ApiError } from '../../../ui/src/plugin-ui-api.js';
import { t } from '../../../ui/src/plugin-ui-api.js';
import { issueText } from '../../../ui/src/plugin-ui-api.js';
import type { Issue, LocalizedTitle } from '../../../ui/src/plugin-ui-api.js';
import { loc } from '../../../ui/src/plugin-ui-api.js';
import { bt } from './billing-i18n.js';

export const billingStyles = css`
  :host { display: block; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .figures { display: flex; gap: 28px; flex-wrap: wrap; margin: 0; }
  .figures dt { font-size: 12px; color: var(--wy-muted); }
  .figures dd { margin: 2px 0 0; font-size: 18px; font-variant-numeric: tabular-nums; }
  .figures dd.owed { color: var(--wy-danger); font-weight: 600; }
  .field-error { color: var(--wy-danger); font-size: 12px; }
  [aria-invalid='true'] { border-color: var(--wy-danger); background: var(--wy-danger-light); }
  .pager { display: flex; gap: 8px; margin-top: 10px; }
  .back { display: inline-block; margin-bottom: 8px; }
  .badge.ok { background: var(--wy-ok-light); color: var(--wy-ok); }
  .table-wrap { overflow-x: auto; }
  button.link { border: none; background: none; color: var(--wy-primary); padding: 0 2px; min-height: 0; text-decoration: underline; }
  form.inline { display: flex; gap: 10px; flex-wrap: wrap; align-items: flex-start; }
  form.inline label input, form.inline label select { min-width: 120px; }
`;

/** An error as a sentence for the page (issues worded in the reader's language). */
export function errorText(err: unknown, path = ''): string {
  if (!(err instanceof ApiError) || err.status === 0) return t('networkError');
  if (err.status === 403) return t('forbidden');
  if (err.status === 404 && path && err.code !== 'WUYE_NOT_FOUND') return bt('missingApi', { path });
  if (err.issues.length) return err.issues.map((i) => issueText(i).text).join(' ');
  return err.message;
}

/** The issues of a body field (`/amount`), worded for the reader. */
export function issuesAt(issues: readonly Issue[], field: string): string[] {
  return issues.filter((i) => i.pointer === `/${field}` || i.pointer.startsWith(`/${field}/`)).map((i) => issueText(i).text);
}

/** A field's error line, tied to its control by id. */
export function fieldError(id: string, messages: string[]) {
  return messages.length ? html`<span class="field-error" role="alert" id=${id}>${messages.join(' ')}</span>` : nothing;
}

/** A description that may be a bilingual title or plain text. */
export function describe(value: LocalizedTitle | string | null | undefined): string {
  if (value == null) return '';
  return typeof value === 'string' ? value : loc(value);
}

/** "0.8125" → "81.25%" (exact on the string: the rate has 4 decimals). */
export function percent(share: string | null): string {
  if (share === null) return '—';
  const m = /^(\d+)(?:\.(\d*))?$/.exec(share);
  if (!m) return share;
  const frac = (m[2] ?? '').padEnd(4, '0');
  const whole = `${m[1]}${frac.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = frac.slice(2).replace(/0+$/, '');
  return `${whole}${rest ? `.${rest}` : ''}%`;
}
