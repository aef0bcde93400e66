import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { api } from '../../../ui/src/plugin-ui-api.js';
import { userHasPermission } from '../../../ui/src/plugin-ui-api.js';
import { formatDateTime } from '../../../ui/src/plugin-ui-api.js';
import { I18nController, loc, tOr } from '../../../ui/src/plugin-ui-api.js';
import { href } from '../../../ui/src/plugin-ui-api.js';
import { base } from '../../../ui/src/plugin-ui-api.js';
import { bt, btOr } from './billing-i18n.js';
import type { AccountView, LedgerEntryView, KeysetPage, PaymentView } from './billing-types.js';
import { billingStyles, describe, errorText } from './billing-view.js';
import './wy-billing-payment-form.js';

/**
 * 账户 of one unit: outstanding, credit, deposits, last dunning step; open bills, charges not yet
 * billed, deposits; 收款 for cashiers; the payments taken for the unit with their receipts (so a
 * receipt is reprinted from where it was taken, also after a reload); the ledger in keyset pages.
 */
export class WyBillingAccountPage extends LitElement {
  static override properties = {
    unitId: { type: Number },
    account: { state: true },
    ledger: { state: true },
    ledgerCursor: { state: true },
    payments: { state: true },
    error: { state: true },
  };

  static override styles = [base, billingStyles];

  declare unitId: number;
  declare account: AccountView | null;
  declare ledger: LedgerEntryView[];
  declare ledgerCursor: string | number | null;
  declare payments: PaymentView[];
  declare error: string;

  /** The route's parameters (`#/billing/units/:id`), from the app's router. */
  set params(p: { id?: string }) {
    this.unitId = Number(p.id) || 0;
  }

  constructor() {
    super();
    new I18nController(this);
    this.unitId = 0;
    this.account = null;
    this.ledger = [];
    this.ledgerCursor = null;
    this.payments = [];
    this.error = '';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('unitId') && this.unitId) void this.#load();
  }

  async #load() {
    try {
      const [account, ledger, payments] = await Promise.all([
        api.get<AccountView>(`/api/billing/units/${this.unitId}/account`),
        api.get<KeysetPage<LedgerEntryView>>(`/api/billing/units/${this.unitId}/ledger`, { limit: 20 }),
        api.get<KeysetPage<PaymentView>>('/api/billing/payments', { unitId: this.unitId, limit: 20 }),
      ]);
      this.account = account;
      this.payments = payments.items;
      this.ledger = ledger.items;
      this.ledgerCursor = ledger.nextCursor ?? null;
      this.error = '';
    } catch (err) {
      this.error = errorText(err, `/api/billing/units/${this.unitId}/account`);
    }
  }

  async #more() {
    if (this.ledgerCursor === null) return;
    try {
      const page = await api.get<KeysetPage<LedgerEntryView>>(`/api/billing/units/${this.unitId}/ledger`, { limit: 20, cursor: this.ledgerCursor });
      this.ledger = [...this.ledger, ...page.items];
      this.ledgerCursor = page.nextCursor ?? null;
    } catch (err) {
      this.error = errorText(err);
    }
  }

  #bills(a: AccountView) {
    if (!a.openBills.length) return html`<p class="muted">${bt('noOpenBills')}</p>`;
    return html`<div class="table-wrap"><table data-testid="open-bills">
      <thead><tr><th>${bt('colBill')}</th><th>${bt('colPeriod')}</th><th class="num">${bt('colPrincipal')}</th><th class="num">${bt('colLateFee')}</th><th class="num">${bt('colPaid')}</th><th class="num">${bt('colOutstanding')}</th><th>${bt('colDue')}</th></tr></thead>
      <tbody>${a.openBills.map((b) => html`<tr data-bill=${b.id}>
        <td><a class="serial" href=${href(`/billing/bills/${b.id}`)}>${b.number}</a></td><td>${b.periodKey}</td>
        <td class="num">${b.principal}</td><td class="num">${b.lateFee}</td><td class="num">${b.paid}</td><td class="num" data-cell="outstanding">${b.outstanding}</td><td>${b.dueOn}</td>
      </tr>`)}</tbody></table></div>`;
  }

  #payments() {
    if (!this.payments.length) return html`<p class="muted">${bt('noPayments')}</p>`;
    return html`<div class="table-wrap"><table data-testid="payments">
      <thead><tr><th>${bt('colReceivedAt')}</th><th>${bt('colReceipt')}</th><th class="num">${bt('colAmount')}</th><th>${bt('colMethod')}</th><th>${bt('colPays')}</th><th></th></tr></thead>
      <tbody>${this.payments.map((p) => html`<tr data-payment=${p.id}>
        <td>${formatDateTime(p.receivedAt)}</td><td>${p.receiptNo}</td><td class="num">${p.amount}</td><td>${bt(`method_${p.method}`)}</td>
        <td>${[...p.allocations.map((a) => a.periodLabel ?? a.periodKey ?? ''), ...(Number(p.credit) > 0 ? [bt('toCredit')] : [])].filter(Boolean).join('、')}</td>
        <td><a href=${`/api/billing/payments/${p.id}/receipt`} target="_blank" rel="noopener" data-testid="payment-receipt">${bt('printReceipt')}</a></td>
      </tr>`)}</tbody></table></div>`;
  }

  #ledger() {
    if (!this.ledger.length) return html`<p class="muted">${bt('noLedger')}</p>`;
    return html`<div class="table-wrap"><table data-testid="ledger">
      <thead><tr><th>${bt('colDate')}</th><th>${bt('colAccount')}</th><th>${bt('colKind')}</th><th>${bt('colDescription')}</th><th class="num">${bt('colAmount')}</th></tr></thead>
      <tbody>${this.ledger.map((e) => html`<tr>
        <td>${formatDateTime(e.occurredAt)}</td><td>${btOr(`account_${e.account}`, e.account)}</td><td>${btOr(`kind_${e.kind}`, e.kind)}</td>
        <td>${describe(e.description)}${e.billId ? html` · <a href=${href(`/billing/bills/${e.billId}`)}>${bt('allocBill')}</a>` : nothing}</td><td class="num">${e.amount}</td>
      </tr>`)}</tbody></table></div>
      ${this.ledgerCursor !== null ? html`<div class="pager"><button type="button" @click=${this.#more}>${bt('more')}</button></div>` : nothing}`;
  }

  override render() {
    if (this.error) return html`<div class="card error-box" role="alert">${this.error}</div>`;
    const a = this.account;
    if (!a) return html`<p role="status">${bt('loading')}</p>`;
    const label = a.unit.label ?? `${a.unit.building?.name ?? ''} ${a.unit.number}`;
    return html`
      <a class="back" href=${href(`/units/${a.unit.id}`)}>‹ ${label}</a>
      <h1>${bt('accountOf', { unit: `${a.unit.project?.name ?? ''} ${label}` })}</h1>
      <section class="card">
        <dl class="figures" data-testid="account-figures">
          <div><dt>${bt('receivable')}</dt><dd class=${Number(a.receivable) > 0 ? 'owed' : ''} data-testid="receivable">${a.receivable}</dd></div>
          <div><dt>${bt('credit')}</dt><dd data-testid="credit">${a.credit}</dd></div>
          <div><dt>${bt('depositsHeld')}</dt><dd>${a.depositsHeld}</dd></div>
          <div><dt>${bt('owner')}</dt><dd style="font-size:14px">${a.owner ? `${a.owner.name}${a.owner.phone ? `（${a.owner.phone}）` : ''}` : '—'}</dd></div>
          <div><dt>${bt('area')}</dt><dd style="font-size:14px">${a.unit.area} ㎡ · ${tOr(`unitType_${a.unit.unitType}`, a.unit.unitType)} · ${tOr(`unitStatus_${a.unit.status}`, a.unit.status)}</dd></div>
          ${a.lastDunningStep ? html`<div><dt>${bt('lastDunning')}</dt><dd style="font-size:14px">${loc(a.lastDunningStep.title) || a.lastDunningStep.step} · ${formatDateTime(a.lastDunningStep.recordedAt)}</dd></div>` : nothing}
        </dl>
      </section>
      ${userHasPermission('billing.collect') ? html`<section class="card" aria-labelledby="pay-title">
        <h2 id="pay-title">${bt('pay')}</h2>
        <wy-billing-payment-form .unitId=${a.unit.id} @wy-paid=${() => void this.#load()}></wy-billing-payment-form>
      </section>` : nothing}
      <section class="card" aria-labelledby="bills-title"><h2 id="bills-title">${bt('openBills')}</h2>${this.#bills(a)}</section>
      <section class="card" aria-labelledby="payments-title"><h2 id="payments-title">${bt('payments')}</h2>${this.#payments()}</section>
      <section class="card" aria-labelledby="charges-title">
        <h2 id="charges-title">${bt('pendingCharges')}</h2>
        ${a.pendingCharges.length ? html`<div class="table-wrap"><table><thead><tr><th>${bt('colDate')}</th><th>${bt('colSource')}</th><th>${bt('colDescription')}</th><th class="num">${bt('colAmount')}</th></tr></thead>
          <tbody>${a.pendingCharges.map((c) => html`<tr><td>${formatDateTime(c.occurredAt)}</td><td>${c.sourceRef}</td><td>${describe(c.description)}</td><td class="num">${c.amount}</td></tr>`)}</tbody></table></div>`
          : html`<p class="muted">${bt('noPendingCharges')}</p>`}
      </section>
      <section class="card" aria-labelledby="deposits-title">
        <h2 id="deposits-title">${bt('deposits')}</h2>
        ${a.deposits.length ? html`<div class="table-wrap"><table><thead><tr><th>${bt('colPurpose')}</th><th class="num">${bt('colAmount')}</th><th>${bt('colStatus')}</th></tr></thead>
          <tbody>${a.deposits.map((d) => html`<tr><td>${d.purposeTitle}</td><td class="num">${d.held}</td><td>${btOr(`status_${d.status}`, d.status)}</td></tr>`)}</tbody></table></div>`
          : html`<p class="muted">${bt('noDeposits')}</p>`}
      </section>
      <section class="card" aria-labelledby="ledger-title"><h2 id="ledger-title">${bt('ledger')}</h2>${this.#ledger()}</section>
    `;
  }
}

customElements.define('wy-billing-account-page', WyBillingAccountPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-billing-account-page': WyBillingAccountPage;
  }
}
