import { LitElement, html } from 'lit';
import { base, href, I18nController } from '../../../ui/src/plugin-ui-api.js';
import { bt } from './billing-i18n.js';

/** On a unit's household archive: the way to its billing account (收费账户). */
export class WyBillingAccountLink extends LitElement {
  static override properties = { unitId: { type: Number } };
  static override styles = [base];

  declare unitId: number;

  constructor() {
    super();
    new I18nController(this);
    this.unitId = 0;
  }

  override render() {
    return html`<p><a class="button" href=${href(`/billing/units/${this.unitId}`)} data-testid="billing-account-link">${bt('account')} ›</a></p>`;
  }
}

customElements.define('wy-billing-account-link', WyBillingAccountLink);

declare global {
  interface HTMLElementTagNameMap {
    'wy-billing-account-link': WyBillingAccountLink;
  }
}
