import { LitElement, html, nothing } from 'lit';
import { I18nController } from '../i18n.js';
import type { BillingPage } from '../router.js';
import { base } from '../styles.js';
import { bt } from './billing-i18n.js';
import { billingStyles } from './billing-view.js';

/** Each billing page is loaded on its first visit (a cashier never loads the run page). */
const loaders: Record<BillingPage, () => Promise<unknown>> = {
  account: () => import('./wy-billing-account-page.js'),
  bills: () => import('./wy-billing-bills-page.js'),
  bill: () => import('./wy-billing-bill-page.js'),
  arrears: () => import('./wy-billing-arrears-page.js'),
  'collection-rates': () => import('./wy-billing-rates-page.js'),
  cash: () => import('./wy-billing-cash-page.js'),
  runs: () => import('./wy-billing-runs-page.js'),
};

/** 收费: routes `#/billing/<page>[/<id>]` to the page element once its module is loaded. */
export class WyBillingPage extends LitElement {
  static override properties = { page: { type: String }, itemId: { attribute: false }, query: { attribute: false }, ready: { state: true } };
  static override styles = [base, billingStyles];

  declare page: BillingPage;
  declare itemId: number | null;
  declare query: URLSearchParams;
  declare ready: string;

  constructor() {
    super();
    new I18nController(this);
    this.page = 'bills';
    this.itemId = null;
    this.query = new URLSearchParams();
    this.ready = '';
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('page') && this.ready !== this.page) {
      const page = this.page;
      void loaders[page]().then(() => { if (page === this.page) this.ready = page; });
    }
  }

  override render() {
    if (this.ready !== this.page) return html`<p role="status">${bt('loading')}</p>`;
    const q = this.query;
    const id = this.itemId ?? 0;
    switch (this.page) {
      case 'account': return html`<wy-billing-account-page .unitId=${id}></wy-billing-account-page>`;
      case 'bills': return html`<wy-billing-bills-page .query=${q}></wy-billing-bills-page>`;
      case 'bill': return html`<wy-billing-bill-page .billId=${id}></wy-billing-bill-page>`;
      case 'arrears': return html`<wy-billing-arrears-page .query=${q}></wy-billing-arrears-page>`;
      case 'collection-rates': return html`<wy-billing-rates-page .query=${q}></wy-billing-rates-page>`;
      case 'cash': return html`<wy-billing-cash-page .query=${q}></wy-billing-cash-page>`;
      case 'runs': return html`<wy-billing-runs-page></wy-billing-runs-page>`;
      default: return nothing;
    }
  }
}

customElements.define('wy-billing-page', WyBillingPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-billing-page': WyBillingPage;
  }
}
