import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { api, ApiError } from '../../../ui/src/plugin-ui-api.js';
import { I18nController } from '../../../ui/src/plugin-ui-api.js';
import { href, navigate } from '../../../ui/src/plugin-ui-api.js';
import { base } from '../../../ui/src/plugin-ui-api.js';
import type { Issue } from '../../../ui/src/plugin-ui-api.js';
import { shanghaiToday } from './fees/fee-dates.js';
import { bt } from './billing-i18n.js';
import type { DailyCash } from './billing-types.js';
import { billingStyles, errorText, fieldError, issuesAt } from './billing-view.js';

const METHODS = ['cash', 'transfer', 'pos', 'online'] as const;

/** 日清: the cashier's takings of a day by method, and closing the day against the cash counted. */
export class WyBillingCashPage extends LitElement {
  static override properties = {
    query: { attribute: false }, day: { state: true }, error: { state: true }, counted: { state: true }, note: { state: true },
    issues: { state: true }, message: { state: true },
  };
  static override styles = [base, billingStyles];

  declare query: URLSearchParams;
  declare day: DailyCash | null;
  declare error: string;
  declare counted: string;
  declare note: string;
  declare issues: Issue[];
  declare message: string;

  constructor() {
    super();
    new I18nController(this);
    this.query = new URLSearchParams();
    this.day = null;
    this.error = '';
    this.counted = '';
    this.note = '';
    this.issues = [];
    this.message = '';
  }

  #date(): string {
    return this.query.get('date') ?? shanghaiToday();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) void this.#load();
  }

  async #load() {
    try {
      this.day = await api.get<DailyCash>('/api/billing/cash/daily', { date: this.#date() });
      this.error = '';
    } catch (err) {
      this.day = null;
      this.error = errorText(err, '/api/billing/cash/daily');
    }
  }

  async #close(e: Event) {
    e.preventDefault();
    try {
      const body: Record<string, unknown> = { date: this.#date(), countedCash: this.counted.trim() };
      if (this.note.trim()) body.note = this.note.trim();
      const res = await api.post<{ closing: { expectedCash: string; countedCash: string; difference: string } }>('/api/billing/cash/closings', body);
      this.message = bt('closed', { date: this.#date(), expected: res.closing.expectedCash, counted: res.closing.countedCash, difference: res.closing.difference });
      this.issues = [];
      await this.#load();
    } catch (err) {
      this.issues = err instanceof ApiError ? err.issues : [];
      this.message = '';
      if (!issuesAt(this.issues, 'countedCash').length) this.error = errorText(err);
    }
  }

  override render() {
    const d = this.day;
    const countedErrors = issuesAt(this.issues, 'countedCash');
    return html`
      <h1>${bt('cash')}</h1>
      <form class="toolbar" @submit=${(e: Event) => { e.preventDefault(); const v = new FormData(e.target as HTMLFormElement).get('date'); navigate(href('/billing/cash', { date: String(v ?? '') })); }}>
        <label>${bt('date')}<input type="date" name="date" .value=${this.#date()}></label>
        <button type="submit">${bt('filter')}</button>
      </form>
      ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : nothing}
      ${this.message ? html`<div class="ok-box" role="status" data-testid="closing-message">${this.message}</div>` : nothing}
      ${d ? html`
        <section class="card">
          <dl class="figures" data-testid="daily-cash">
            ${METHODS.map((m) => html`<div><dt>${bt(`method_${m}`)}</dt><dd>${d.byMethod[m] ?? '0.00'}</dd></div>`)}
            <div><dt>${bt('receipts')}</dt><dd>${d.receipts}</dd></div>
            <div><dt>${bt('total')}</dt><dd data-testid="cash-total">${d.total}</dd></div>
          </dl>
        </section>
        <section class="card" aria-labelledby="closing-title">
          <h2 id="closing-title">${bt('closing')}</h2>
          ${d.closing ? html`<dl class="figures" data-testid="closing">
              <div><dt>${bt('expectedCash')}</dt><dd>${d.closing.expectedCash}</dd></div>
              <div><dt>${bt('countedCash')}</dt><dd>${d.closing.countedCash}</dd></div>
              <div><dt>${bt('difference')}</dt><dd class=${Number(d.closing.difference) !== 0 ? 'owed' : ''}>${d.closing.difference}</dd></div>
            </dl>` : html`<form class="inline" @submit=${this.#close}>
              <label>${bt('countedCash')}<input inputmode="decimal" .value=${this.counted} aria-invalid=${countedErrors.length ? 'true' : 'false'} aria-describedby=${countedErrors.length ? 'counted-error' : nothing}
                @input=${(e: Event) => { this.counted = (e.target as HTMLInputElement).value; }}>${fieldError('counted-error', countedErrors)}</label>
              <label style="flex:1">${bt('note')}<input .value=${this.note} maxlength="500" @input=${(e: Event) => { this.note = (e.target as HTMLInputElement).value; }}></label>
              <button type="submit" class="primary" style="margin-top:18px">${bt('closeDay')}</button>
            </form>`}
        </section>` : nothing}
    `;
  }
}

customElements.define('wy-billing-cash-page', WyBillingCashPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-billing-cash-page': WyBillingCashPage;
  }
}
