import { LitElement, css, html, nothing } from 'lit';
import { api, ApiError } from '../../../../ui/src/plugin-ui-api.js';
import { I18nController, loc, type Localized } from '../../../../ui/src/plugin-ui-api.js';
import { base } from '../../../../ui/src/plugin-ui-api.js';
import { adminStyles } from '../../../../ui/src/plugin-admin-api.js';
import { at, describePointer, issueMessage, colon } from '../../../../ui/src/plugin-admin-api.js';
import { draft, DraftController } from '../../../../ui/src/plugin-admin-api.js';
import { ft, unitTypeName } from './fee-i18n.js';
import { currentMonthKey } from './fee-dates.js';
import { METERS, type FeeSettings } from './fee-settings.js';
import { BILLING, feeSettings, localIssues } from './fee-view.js';
import type { ConfigIssue as Issue } from '../../../../ui/src/plugin-admin-api.js';

/** POST /api/billing/preview's answer (the billing plugin's HTTP contract). */
export interface PreviewPeriod {
  periodKey: string;
  start: string;
  end: string;
  noticeOn: string;
  dueOn: string;
  reminderOn: string;
  reminderDueOn: string;
  finalNoticeOn: string;
  finalDueOn: string;
}

export interface PreviewLine {
  feeCode: string;
  title: Localized;
  kind: string;
  quantity: string;
  unitPrice: string;
  factor: string;
  amount: string;
  rateFrom: string | null;
}

export interface PreviewResult {
  period: PreviewPeriod;
  lines: PreviewLine[];
  total: string;
}

type Outcome = PreviewResult | { error: string; issues?: Issue[] };

const STATUSES = ['occupied', 'vacant', 'entrusted'] as const;
const AREA = /^\d{1,7}(\.\d{1,2})?$/;
const PERIOD = /^\d{4}-(\d{2}|Q[1-4]|H[12])$/;
const DATES: (keyof PreviewPeriod)[] = ['start', 'end', 'noticeOn', 'dueOn', 'reminderOn', 'reminderDueOn', 'finalNoticeOn', 'finalDueOn'];
const DATE_LABEL: Record<string, string> = { start: 'periodStart', end: 'periodEnd' };

/**
 * The fee dry run: one sample unit (area, unit type, status) and a period, computed by the
 * billing plugin (POST /api/billing/preview) with the settings in force and with the draft's,
 * side by side. The draft's settings are computed here (the settings in force + the draft's
 * patch), so nothing has to be proposed to try a tariff.
 */
export class WyAdminFeeDryRun extends LitElement {
  static override properties = {
    unitTypes: { attribute: false },
    area: { state: true },
    unitType: { state: true },
    status: { state: true },
    periodKey: { state: true },
    consumption: { state: true },
    busy: { state: true },
    current: { state: true },
    drafted: { state: true },
    inputError: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    .inputs input { width: 110px; }
    .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin-top: 12px; }
    .side { border: 1px solid var(--wy-border); border-radius: var(--wy-radius); padding: 10px; min-width: 0; overflow-x: auto; }
    .side h3 { margin-bottom: 6px; }
    .dates { display: grid; grid-template-columns: repeat(4, auto); gap: 2px 10px; font-size: 12px; margin-bottom: 8px; }
    .dates dt { color: var(--wy-muted); }
    .dates dd { margin: 0; font-variant-numeric: tabular-nums; }
    table.lines td, table.lines th { padding: 4px 6px; font-size: 13px; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tr.total td { font-weight: 600; border-top: 2px solid var(--wy-border); }
    .changed { background: #fff3c4; }
    @media (max-width: 1000px) { .sides { grid-template-columns: 1fr; } }
  `];

  declare unitTypes: string[];
  declare area: string;
  declare unitType: string;
  declare status: (typeof STATUSES)[number];
  declare periodKey: string;
  declare consumption: Record<string, string>;
  declare busy: boolean;
  declare current: Outcome | null;
  declare drafted: Outcome | null;
  declare inputError: string;

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
    this.unitTypes = [];
    this.area = '89.50';
    this.unitType = 'residential';
    this.status = 'occupied';
    this.periodKey = currentMonthKey();
    this.consumption = {};
    this.busy = false;
    this.current = null;
    this.drafted = null;
    this.inputError = '';
  }

  #meters(s: FeeSettings | undefined): string[] {
    const used = new Set<string>();
    for (const item of Object.values(s?.feeItems ?? {})) if (item?.kind === 'metered' && item.meter && item.active !== false) used.add(item.meter);
    return [...METERS.filter((m) => used.has(m)), ...[...used].filter((m) => !(METERS as readonly string[]).includes(m))];
  }

  async #preview(settings: unknown): Promise<Outcome> {
    const consumption = Object.fromEntries(Object.entries(this.consumption).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
    const body: Record<string, unknown> = {
      // the editor holds "none" as null; the settings schema has no such value (absent = none)
      settings: withoutNulls(settings),
      unit: { area: this.area.trim(), unitType: this.unitType, status: this.status },
      periodKey: this.periodKey.trim(),
    };
    if (Object.keys(consumption).length) body.consumption = consumption;
    try {
      return await api.post<PreviewResult>('/api/billing/preview', body);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status === 0) return { error: at('networkError') };
      // the route is the billing plugin's; a 404 means this server does not have it yet
      if (err.status === 404) return { error: ft('previewMissing') };
      return { error: `${ft('previewRefused')}${err.message}`, issues: err.issues };
    }
  }

  async #run() {
    if (!AREA.test(this.area.trim())) {
      this.inputError = ft('areaInvalid');
      return;
    }
    if (!PERIOD.test(this.periodKey.trim())) {
      this.inputError = ft('periodInvalid');
      return;
    }
    this.inputError = '';
    this.busy = true;
    try {
      const problems = localIssues().length;
      const [current, drafted] = await Promise.all([
        this.#preview(draft.activeSettings(BILLING)),
        problems ? Promise.resolve<Outcome>({ error: ft('draftHasProblems', { n: problems }) }) : this.#preview(feeSettings()),
      ]);
      this.current = current;
      this.drafted = drafted;
    } finally {
      this.busy = false;
    }
  }

  #side(side: 'current' | 'draft', outcome: Outcome | null, other: Outcome | null) {
    const title = side === 'current' ? `${ft('inForce')}（${at('versionN', { n: draft.active?.version ?? '' })}）` : ft('draft');
    if (!outcome) return nothing;
    if ('error' in outcome) {
      return html`<div class="side" data-side=${side}><h3>${title}</h3>
        <div class="error-box" role="alert" data-testid="dry-error">${outcome.error}
          ${outcome.issues?.length ? html`<ul>${outcome.issues.map((i) => html`<li>${describePointer(i.pointer.replace(/^\/settings/, '/document/plugins/billing/config'))}${colon()}${issueMessage(i)}</li>`)}</ul>` : nothing}
        </div></div>`;
    }
    const otherLines = other && !('error' in other) ? other.lines : null;
    const differs = (l: PreviewLine, key: keyof PreviewLine) => !!otherLines && otherLines.find((o) => o.feeCode === l.feeCode)?.[key] !== l[key];
    const p = outcome.period;
    const otherPeriod = other && !('error' in other) ? other.period : null;
    return html`<div class="side" data-side=${side}>
      <h3>${title}</h3>
      <dl class="dates" aria-label=${ft('periodDates')}>
        ${DATES.map((k) => html`<dt>${ft(DATE_LABEL[k] ?? k)}</dt><dd data-date=${k} class=${otherPeriod && otherPeriod[k] !== p[k] ? 'changed' : ''}>${p[k]}</dd>`)}
      </dl>
      ${outcome.lines.length ? html`
        <table class="lines">
          <thead><tr><th>${ft('line')}</th><th class="num">${ft('quantity')}</th><th class="num">${ft('unitPrice')}</th><th class="num">${ft('factor')}</th><th class="num">${ft('amount')}</th><th>${ft('rateFrom')}</th></tr></thead>
          <tbody>
            ${outcome.lines.map((l) => html`<tr data-line=${l.feeCode}>
              <td>${loc(l.title) || l.feeCode}</td>
              <td class="num" data-cell="quantity">${l.quantity}</td>
              <td class="num ${differs(l, 'unitPrice') ? 'changed' : ''}" data-cell="unitPrice">${l.unitPrice}</td>
              <td class="num" data-cell="factor">${l.factor}</td>
              <td class="num ${differs(l, 'amount') ? 'changed' : ''}" data-cell="amount">${l.amount}</td>
              <td data-cell="rateFrom" class=${differs(l, 'rateFrom') ? 'changed' : ''}>${l.rateFrom ?? ''}</td>
            </tr>`)}
            <tr class="total"><td>${ft('total')}</td><td></td><td></td><td></td>
              <td class="num ${other && !('error' in other) && other.total !== outcome.total ? 'changed' : ''}" data-testid="total">${outcome.total}</td><td></td></tr>
          </tbody>
        </table>` : html`<p class="muted">${ft('noLines')}</p>`}
    </div>`;
  }

  override render() {
    const s = feeSettings();
    const types = [...new Set([...this.unitTypes, this.unitType])];
    return html`
      <p class="hint">${ft('dryRunHint')}</p>
      <div class="row inputs">
        <label>${ft('sampleArea')}<input inputmode="decimal" .value=${this.area} @input=${(e: Event) => { this.area = (e.target as HTMLInputElement).value; }}></label>
        <label>${ft('sampleUnitType')}
          <select aria-label=${ft('sampleUnitType')} @change=${(e: Event) => { this.unitType = (e.target as HTMLSelectElement).value; }}>
            ${types.map((t) => html`<option value=${t} ?selected=${this.unitType === t}>${unitTypeName(t)}</option>`)}
          </select></label>
        <label>${ft('sampleStatus')}
          <select aria-label=${ft('sampleStatus')} @change=${(e: Event) => { this.status = (e.target as HTMLSelectElement).value as never; }}>
            ${STATUSES.map((st) => html`<option value=${st} ?selected=${this.status === st}>${ft(`status_${st}`)}</option>`)}
          </select></label>
        <label>${ft('periodKey')}<input .value=${this.periodKey} placeholder=${ft('periodHint')} @input=${(e: Event) => { this.periodKey = (e.target as HTMLInputElement).value; }}></label>
        ${this.#meters(s).map((m) => html`<label>${ft('consumption', { meter: ft(`meter_${m}`) })}
          <input inputmode="decimal" .value=${this.consumption[m] ?? ''} @input=${(e: Event) => { this.consumption = { ...this.consumption, [m]: (e.target as HTMLInputElement).value }; }}></label>`)}
        <button type="button" class="primary" @click=${this.#run} ?disabled=${this.busy}>${this.busy ? ft('running') : ft('runDryRun')}</button>
      </div>
      ${this.inputError ? html`<div class="error-box" role="alert">${this.inputError}</div>` : nothing}
      ${this.current || this.drafted ? html`<div class="sides" data-testid="fee-dry-run-results">
        ${this.#side('current', this.current, this.drafted)}
        ${this.#side('draft', this.drafted, this.current)}
      </div>` : nothing}
    `;
  }
}

customElements.define('wy-admin-fee-dry-run', WyAdminFeeDryRun);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-fee-dry-run': WyAdminFeeDryRun;
  }
}

/** A copy without null members, at any depth. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}
