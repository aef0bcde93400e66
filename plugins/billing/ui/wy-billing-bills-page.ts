import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { api } from '../../../ui/src/plugin-ui-api.js';
import { appState } from '../../../ui/src/plugin-ui-api.js';
import { I18nController } from '../../../ui/src/plugin-ui-api.js';
import { href, navigate } from '../../../ui/src/plugin-ui-api.js';
import { base } from '../../../ui/src/plugin-ui-api.js';
import { bt, btOr } from './billing-i18n.js';
import type { BillSummary, KeysetPage } from './billing-types.js';
import { billingStyles, errorText } from './billing-view.js';

const PAGE = 30;

/** 账单: filters (project, period, status) in the route's query, keyset pages by cursor. */
export class WyBillingBillsPage extends LitElement {
  static override properties = { query: { attribute: false }, rows: { state: true }, nextCursor: { state: true }, error: { state: true } };
  static override styles = [base, billingStyles];

  declare query: URLSearchParams;
  declare rows: BillSummary[] | null;
  declare nextCursor: string | number | null;
  declare error: string;

  constructor() {
    super();
    new I18nController(this);
    this.query = new URLSearchParams();
    this.rows = null;
    this.nextCursor = null;
    this.error = '';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) void this.#load();
  }

  async #load() {
    const q = this.query;
    try {
      const res = await api.get<KeysetPage<BillSummary>>('/api/billing/bills', {
        projectId: q.get('projectId') ?? undefined, periodKey: q.get('periodKey') ?? undefined, status: q.get('status') ?? undefined,
        cursor: q.get('cursor') ?? undefined, limit: PAGE,
      });
      this.rows = res.items;
      this.nextCursor = res.nextCursor ?? null;
      this.error = '';
    } catch (err) {
      this.rows = [];
      this.error = errorText(err, '/api/billing/bills');
    }
  }

  #search(e: Event) {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const get = (k: string) => String(form.get(k) ?? '').trim() || undefined;
    navigate(href('/billing/bills', { projectId: get('projectId'), periodKey: get('periodKey'), status: get('status') }));
  }

  override render() {
    const q = this.query;
    return html`
      <h1>${bt('bills')}</h1>
      <form class="toolbar" @submit=${this.#search} aria-label=${bt('filter')}>
        <label>${bt('project')}<select name="projectId">
          <option value="">${bt('allProjects')}</option>
          ${appState().projects.map((p) => html`<option value=${p.id} ?selected=${q.get('projectId') === String(p.id)}>${p.name}</option>`)}
        </select></label>
        <label>${bt('period')}<input name="periodKey" .value=${q.get('periodKey') ?? ''} placeholder=${bt('periodPlaceholder')} maxlength="16" style="width:110px"></label>
        <label>${bt('status')}<select name="status">
          <option value="">${bt('anyStatus')}</option>
          ${['open', 'paid'].map((s) => html`<option value=${s} ?selected=${q.get('status') === s}>${bt(`status_${s}`)}</option>`)}
        </select></label>
        <button type="submit" class="primary">${bt('filter')}</button>
      </form>
      ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : nothing}
      <section class="card">
        ${this.rows === null ? html`<p role="status">${bt('loading')}</p>` : this.rows.length ? html`<div class="table-wrap"><table data-testid="bills">
          <thead><tr><th>${bt('colBill')}</th><th>${bt('colUnit')}</th><th>${bt('colPeriod')}</th><th class="num">${bt('colPrincipal')}</th><th class="num">${bt('colLateFee')}</th><th class="num">${bt('colPaid')}</th><th class="num">${bt('colOutstanding')}</th><th>${bt('colStatus')}</th><th>${bt('colDue')}</th></tr></thead>
          <tbody>${this.rows.map((b) => html`<tr data-bill=${b.id}>
            <td><a class="serial" href=${href(`/billing/bills/${b.id}`)}>${b.number}</a></td>
            <td><a href=${href(`/billing/units/${b.unitId}`)}>${b.unitLabel}</a></td><td>${b.periodKey}</td>
            <td class="num">${b.principal}</td><td class="num">${b.lateFee}</td><td class="num">${b.paid}</td><td class="num">${b.outstanding}</td>
            <td><span class="badge ${b.status === 'paid' ? 'ok' : ''}">${btOr(`status_${b.status}`, b.status)}</span></td><td>${b.dueOn}</td>
          </tr>`)}</tbody></table></div>` : html`<p class="muted">${bt('noBills')}</p>`}
        <div class="pager">
          ${q.get('cursor') ? html`<a class="button" href=${href('/billing/bills', { projectId: q.get('projectId'), periodKey: q.get('periodKey'), status: q.get('status') })}>${bt('firstPage')}</a>` : nothing}
          ${this.nextCursor !== null ? html`<a class="button" href=${href('/billing/bills', { projectId: q.get('projectId'), periodKey: q.get('periodKey'), status: q.get('status'), cursor: String(this.nextCursor) })}>${bt('nextPage')}</a>` : nothing}
        </div>
      </section>
    `;
  }
}

customElements.define('wy-billing-bills-page', WyBillingBillsPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-billing-bills-page': WyBillingBillsPage;
  }
}
