import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { api } from '../../../ui/src/plugin-ui-api.js';
import { formatDateTime } from '../../../ui/src/plugin-ui-api.js';
import { I18nController } from '../../../ui/src/plugin-ui-api.js';
import { href } from '../../../ui/src/plugin-ui-api.js';
import { base } from '../../../ui/src/plugin-ui-api.js';
import { bt, btOr } from './billing-i18n.js';
import type { BillAnswer, BillDetail } from './billing-types.js';
import { billingStyles, describe, errorText } from './billing-view.js';

const DATES = ['periodStart', 'periodEnd', 'noticeOn', 'dueOn', 'reminderOn', 'reminderDueOn', 'finalNoticeOn', 'finalDueOn'] as const;
const PRINT_KIND: Record<string, string> = { payment: 'payment', reminder: 'reminder', final: 'final' };

/**
 * One bill: its cycle dates and why they fall where they do, lines (with the rate's effective
 * date), how its late fee is reached (base × rate × days, rounding, cap), notices with print links
 * — a due reminder or final notice is issued and printed here at the counter — and payments.
 */
export class WyBillingBillPage extends LitElement {
  static override properties = { billId: { type: Number }, data: { state: true }, error: { state: true }, busy: { state: true } };
  static override styles = [base, billingStyles];

  declare billId: number;
  declare data: BillAnswer | null;
  declare error: string;
  declare busy: boolean;

  /** The route's parameters (`#/billing/bills/:id`), from the app's router. */
  set params(p: { id?: string }) {
    this.billId = Number(p.id) || 0;
  }

  constructor() {
    super();
    new I18nController(this);
    this.billId = 0;
    this.data = null;
    this.error = '';
    this.busy = false;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('billId') && this.billId) void this.#load();
  }

  async #load() {
    try {
      this.data = await api.get<BillAnswer>(`/api/billing/bills/${this.billId}`);
      this.error = '';
    } catch (err) {
      this.error = errorText(err, `/api/billing/bills/${this.billId}`);
    }
  }

  #print(kind: string) {
    return `/api/billing/bills/${this.billId}/print?kind=${PRINT_KIND[kind] ?? 'payment'}`;
  }

  /** Issues a due notice now (idempotent with the hourly job) and opens it for printing. */
  async #issue(kind: 'reminder' | 'final') {
    if (this.busy) return;
    this.busy = true;
    const win = window.open('', '_blank');
    try {
      await api.post(`/api/billing/bills/${this.billId}/notices`, { kind });
      if (win) win.location.href = this.#print(kind);
      await this.#load();
    } catch (err) {
      win?.close();
      this.error = errorText(err);
    } finally {
      this.busy = false;
    }
  }

  #issuable(b: BillDetail, kind: 'reminder' | 'final', today: string) {
    const from = kind === 'reminder' ? b.reminderOn : b.finalNoticeOn;
    return b.status === 'open' && !!from && from <= today && !this.data!.notices.some((n) => n.kind === kind);
  }

  #lateFee(f: BillAnswer['lateFee']) {
    const rounding = bt(`rounding_${f.rounding.mode}`);
    if (f.reason !== 'charged') {
      const why = f.reason === 'notChargeable' ? bt('lateFeeWhy_notChargeable', { after: f.chargeableAfter }) : bt(`lateFeeWhy_${f.reason}`);
      return html`<p data-testid="late-fee-why">${bt('lateFeeNone', { date: f.to, why })}</p>`;
    }
    return html`<ul data-testid="late-fee-why" style="margin:0;padding-left:18px">
      <li>${bt(f.base === 'billPrincipal' ? 'lateFeeBaseBill' : 'lateFeeBase', { base: f.baseAmount })}</li>
      <li>${bt('lateFeeDays', { from: f.from, to: f.to, days: f.days })}</li>
      <li>${bt('lateFeeChargeable', { after: f.chargeableAfter })}</li>
      <li><strong>${bt('lateFeeFormula', { base: f.baseAmount, perMille: f.perMille, days: f.days, raw: f.raw, rounding: bt('roundingPlaces', { mode: rounding, places: f.rounding.places }), amount: f.rounded })}</strong></li>
      ${f.cap ? html`<li>${bt('lateFeeCap', { cap: f.capOfPrincipal ?? '', capAmount: f.cap })}</li>` : nothing}
    </ul>`;
  }

  override render() {
    if (this.error) return html`<div class="card error-box" role="alert">${this.error}</div>`;
    const d = this.data;
    if (!d) return html`<p role="status">${bt('loading')}</p>`;
    const b = d.bill;
    return html`
      <a class="back" href=${href(`/billing/units/${b.unitId}`)}>‹ ${b.unitLabel} · ${bt('account')}</a>
      <h1>${bt('bill', { number: b.number })} <span class="badge ${b.status === 'paid' ? 'ok' : ''}">${btOr(`status_${b.status}`, b.status)}</span></h1>
      <section class="card">
        <dl class="figures">
          <div><dt>${bt('colPeriod')}</dt><dd>${b.periodLabel ?? b.periodKey}</dd></div>
          <div><dt>${bt('colPrincipal')}</dt><dd>${b.principal}</dd></div>
          <div><dt>${bt('colLateFee')}</dt><dd>${b.lateFee}</dd></div>
          <div><dt>${bt('colPaid')}</dt><dd>${b.paid}</dd></div>
          <div><dt>${bt('colOutstanding')}</dt><dd class=${Number(b.outstanding) > 0 ? 'owed' : ''}>${b.outstanding}</dd></div>
        </dl>
        <h3 style="margin-top:14px">${bt('billDates')}</h3>
        <dl class="figures">${DATES.map((k) => html`<div><dt>${bt(k)}</dt><dd style="font-size:14px">${b[k] ?? ''}</dd></div>`)}</dl>
        <p class="muted" data-testid="dates-why">${bt('datesWhy', { noticeOn: b.noticeOn ?? '', dueOn: b.dueOn ?? '', reminderOn: b.reminderOn ?? '', reminderDueOn: b.reminderDueOn ?? '', finalNoticeOn: b.finalNoticeOn ?? '', finalDueOn: b.finalDueOn ?? '' })}</p>
        ${d.lateFee ? html`<h3 style="margin-top:14px">${bt('lateFeeHow')}</h3>${this.#lateFee(d.lateFee)}` : nothing}
      </section>
      <section class="card" aria-labelledby="lines-title">
        <h2 id="lines-title">${bt('lines')}</h2>
        <div class="table-wrap"><table data-testid="bill-lines">
          <thead><tr><th>${bt('line')}</th><th class="num">${bt('quantity')}</th><th class="num">${bt('unitPrice')}</th><th class="num">${bt('factor')}</th><th class="num">${bt('colAmount')}</th><th>${bt('rateFrom')}</th></tr></thead>
          <tbody>${d.lines.map((l) => html`<tr data-line=${l.feeCode}><td>${describe(l.description) || l.feeCode}</td><td class="num">${l.quantity}</td><td class="num">${l.unitPrice}</td><td class="num">${l.factor}</td><td class="num">${l.amount}</td><td>${l.rateFrom ?? ''}</td></tr>`)}</tbody>
        </table></div>
      </section>
      <section class="card" aria-labelledby="notices-title">
        <h2 id="notices-title">${bt('notices')}</h2>
        <p style="display:flex;gap:8px;flex-wrap:wrap">
          <a class="button" href=${this.#print('payment')} target="_blank" rel="noopener">${bt('print')} ${bt('notice_payment')}</a>
          ${(['reminder', 'final'] as const).filter((k) => d.lateFee && this.#issuable(b, k, d.lateFee.to)).map((k) => html`
            <button type="button" class="primary" data-testid=${`issue-${k}`} ?disabled=${this.busy} @click=${() => void this.#issue(k)}>${bt('issueNotice', { kind: bt(`notice_${k}`) })}</button>`)}
        </p>
        ${d.notices.length ? html`<table data-testid="notices"><thead><tr><th>${bt('colKind')}</th><th>${bt('issuedOn')}</th><th>${bt('colDue')}</th><th class="num">${bt('colAmount')}</th><th></th></tr></thead>
          <tbody>${d.notices.map((n) => html`<tr><td>${btOr(`notice_${n.kind}`, n.kind)}</td><td>${n.issuedOn}</td><td>${n.dueOn}</td><td class="num">${n.amount}</td>
            <td><a href=${this.#print(n.kind)} target="_blank" rel="noopener">${bt('print')}</a></td></tr>`)}</tbody></table>`
          : html`<p class="muted">${bt('noNotices')}</p>`}
      </section>
      <section class="card" aria-labelledby="payments-title">
        <h2 id="payments-title">${bt('payments')}</h2>
        ${d.payments.length ? html`<table><thead><tr><th>${bt('receiptNo')}</th><th>${bt('receivedAt')}</th><th>${bt('method')}</th><th class="num">${bt('colAmount')}</th><th></th></tr></thead>
          <tbody>${d.payments.map((p) => html`<tr><td class="serial">${p.receiptNo}</td><td>${formatDateTime(p.receivedAt)}</td><td>${btOr(`method_${p.method}`, p.method)}</td><td class="num">${p.amount}</td>
            <td><a href=${`/api/billing/payments/${p.id}/receipt`} target="_blank" rel="noopener">${bt('printReceipt')}</a></td></tr>`)}</tbody></table>`
          : html`<p class="muted">${bt('noPayments')}</p>`}
      </section>
      ${nothing}
    `;
  }
}

customElements.define('wy-billing-bill-page', WyBillingBillPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-billing-bill-page': WyBillingBillPage;
  }
}
