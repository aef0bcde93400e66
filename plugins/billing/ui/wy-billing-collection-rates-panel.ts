import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { api, base, I18nController } from '../../../ui/src/plugin-ui-api.js';
import { bt } from './billing-i18n.js';
import type { CollectionRate } from './billing-types.js';
import { billingStyles, percent } from './billing-view.js';

/**
 * Billing's panel on the monthly statistics page (统计): the collection rates of the month, the
 * month before and the one before that, against the targets. Nothing shows when the rates cannot
 * be read (the statistics page does not fail for billing's sake).
 */
export class WyBillingCollectionRatesPanel extends LitElement {
  static override properties = { month: { type: String }, projectId: { attribute: false }, rates: { state: true } };
  static override styles = [base, billingStyles, css`.rates { overflow-x: auto; }`];

  declare month: string;
  declare projectId: number | string | null;
  declare rates: CollectionRate[] | null;

  constructor() {
    super();
    new I18nController(this);
    this.month = '';
    this.projectId = null;
    this.rates = null;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('month') || changed.has('projectId')) && this.month) void this.#load();
  }

  async #load() {
    const month = this.month;
    const projectId = this.projectId ?? undefined;
    const rates = await api.get<{ items: CollectionRate[] }>('/api/billing/collection-rates', { projectId, asOf: `${month}-15` }).then((r) => r.items, () => null);
    if (month === this.month && projectId === (this.projectId ?? undefined)) this.rates = rates;
  }

  override render() {
    if (!this.rates) return nothing;
    return html`<section class="card" data-testid="collection-rates-panel">
      <h2>${bt('rates')}</h2>
      <p class="muted">${bt('ratesNote')}</p>
      <div class="rates">
        <table>
          <thead><tr><th></th><th>${bt('period')}</th><th class="num">${bt('billed')}</th><th class="num">${bt('collected')}</th><th class="num">${bt('rate')}</th><th class="num">${bt('target')}</th><th></th></tr></thead>
          <tbody>${this.rates.map((r) => html`<tr data-label=${r.label}>
            <th scope="row">${bt(`label_${r.label}`)}</th><td>${r.periodKey}</td><td class="num">${r.billed}</td><td class="num">${r.collected}</td>
            <td class="num" data-cell="rate">${percent(r.rate)}</td><td class="num">${percent(r.target)}</td>
            <td>${r.rate === null ? html`<span class="badge">${bt('noBilling')}</span>` : r.met ? html`<span class="badge ok">${bt('met')}</span>` : html`<span class="badge danger">${bt('notMet')}</span>`}</td>
          </tr>`)}</tbody>
        </table>
      </div>
    </section>`;
  }
}

customElements.define('wy-billing-collection-rates-panel', WyBillingCollectionRatesPanel);

declare global {
  interface HTMLElementTagNameMap {
    'wy-billing-collection-rates-panel': WyBillingCollectionRatesPanel;
  }
}
