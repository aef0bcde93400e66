import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { api } from '../../../ui/src/plugin-ui-api.js';
import { appState } from '../../../ui/src/plugin-ui-api.js';
import { I18nController } from '../../../ui/src/plugin-ui-api.js';
import { href, navigate } from '../../../ui/src/plugin-ui-api.js';
import { base } from '../../../ui/src/plugin-ui-api.js';
import { bt } from './billing-i18n.js';
import type { CollectionRate } from './billing-types.js';
import { billingStyles, errorText, percent } from './billing-view.js';

/** 收缴率: this month, last month and the month before, collected against billed, vs the targets. */
export class WyBillingRatesPage extends LitElement {
  static override properties = { query: { attribute: false }, rows: { state: true }, asOf: { state: true }, error: { state: true } };
  static override styles = [base, billingStyles];

  declare query: URLSearchParams;
  declare rows: CollectionRate[] | null;
  declare asOf: string;
  declare error: string;

  constructor() {
    super();
    new I18nController(this);
    this.query = new URLSearchParams();
    this.rows = null;
    this.asOf = '';
    this.error = '';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) void this.#load();
  }

  async #load() {
    try {
      const res = await api.get<{ asOf?: string; items: CollectionRate[] }>('/api/billing/collection-rates', {
        projectId: this.query.get('projectId') ?? undefined, asOf: this.query.get('asOf') ?? undefined,
      });
      this.rows = res.items;
      this.asOf = res.asOf ?? '';
      this.error = '';
    } catch (err) {
      this.rows = [];
      this.error = errorText(err, '/api/billing/collection-rates');
    }
  }

  #search(e: Event) {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const get = (k: string) => String(form.get(k) ?? '').trim() || undefined;
    navigate(href('/billing/collection-rates', { projectId: get('projectId'), asOf: get('asOf') }));
  }

  override render() {
    const q = this.query;
    return html`
      <h1>${bt('rates')}</h1>
      <form class="toolbar" @submit=${this.#search}>
        <label>${bt('project')}<select name="projectId"><option value="">${bt('allProjects')}</option>
          ${appState().projects.map((p) => html`<option value=${p.id} ?selected=${q.get('projectId') === String(p.id)}>${p.name}</option>`)}</select></label>
        <label>${bt('asOf')}<input name="asOf" type="date" .value=${q.get('asOf') ?? this.asOf}></label>
        <button type="submit" class="primary">${bt('filter')}</button>
      </form>
      ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : nothing}
      <section class="card">
        ${this.rows === null ? html`<p role="status">${bt('loading')}</p>` : html`<table data-testid="collection-rates">
          <thead><tr><th></th><th>${bt('colPeriod')}</th><th class="num">${bt('billed')}</th><th class="num">${bt('collected')}</th><th class="num">${bt('rate')}</th><th class="num">${bt('target')}</th><th></th></tr></thead>
          <tbody>${this.rows.map((r) => html`<tr data-label=${r.label}>
            <th scope="row">${bt(`label_${r.label}`)}</th><td>${r.periodKey}</td><td class="num">${r.billed}</td><td class="num">${r.collected}</td>
            <td class="num" data-cell="rate">${percent(r.rate)}</td><td class="num">${percent(r.target)}</td>
            <td data-cell="met">${r.rate === null ? html`<span class="badge">${bt('noBilling')}</span>` : r.met ? html`<span class="badge ok">✓ ${bt('met')}</span>` : html`<span class="badge danger">✗ ${bt('notMet')}</span>`}</td>
          </tr>`)}</tbody></table>`}
      </section>
    `;
  }
}

customElements.define('wy-billing-rates-page', WyBillingRatesPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-billing-rates-page': WyBillingRatesPage;
  }
}
