import { LitElement, html, nothing } from 'lit';
import { api, ApiError } from '../../../ui/src/plugin-ui-api.js';
import { I18nController } from '../../../ui/src/plugin-ui-api.js';
import { base } from '../../../ui/src/plugin-ui-api.js';
import type { Issue } from '../../../ui/src/plugin-ui-api.js';
import { bt } from './billing-i18n.js';
import type { PaymentPreview, PaymentView } from './billing-types.js';
import { billingStyles, errorText, fieldError, issuesAt } from './billing-view.js';

const METHODS = ['cash', 'transfer', 'pos', 'online'] as const;
const FIELDS = ['amount', 'method', 'reference', 'receiptNo', 'payerName'] as const;
type Field = (typeof FIELDS)[number];

/**
 * 收款 in two steps: the cashier types amount, method, reference, pre-printed receipt number and
 * payer, then 核对收款 shows what the server would do with it (POST /api/billing/payments/preview:
 * amount, method, which bills and months, their fee items, late fee and principal, credit) and only
 * 确认收款 books it (POST /api/billing/payments). The allocation and the receipt link are shown
 * after; the server's issues go on their fields. Fires `wy-paid` with the payment.
 */
export class WyBillingPaymentForm extends LitElement {
  static override properties = {
    unitId: { type: Number },
    values: { state: true },
    issues: { state: true },
    error: { state: true },
    busy: { state: true },
    payment: { state: true },
    preview: { state: true },
  };

  static override styles = [base, billingStyles];

  declare unitId: number;
  declare values: Record<Field, string>;
  declare issues: Issue[];
  declare error: string;
  declare busy: boolean;
  declare payment: PaymentView | null;
  declare preview: PaymentPreview | null;

  constructor() {
    super();
    new I18nController(this);
    this.unitId = 0;
    this.values = { amount: '', method: 'cash', reference: '', receiptNo: '', payerName: '' };
    this.issues = [];
    this.error = '';
    this.busy = false;
    this.payment = null;
    this.preview = null;
  }

  #set(field: Field, value: string) {
    this.values = { ...this.values, [field]: value };
    this.preview = null; // a changed amount or method needs a new check
  }

  /** Step 1: what the payment would settle, nothing booked. */
  async #review(e: Event) {
    e.preventDefault();
    if (this.busy) return;
    const v = this.values;
    this.busy = true;
    this.error = '';
    this.payment = null;
    try {
      // exactly what was typed: the server checks the amount's format and names the field
      const res = await api.post<{ preview: PaymentPreview }>('/api/billing/payments/preview', { unitId: this.unitId, amount: v.amount.trim(), method: v.method });
      this.preview = res.preview;
      this.issues = [];
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[data-testid="confirm-payment"]')?.focus();
    } catch (err) {
      await this.#failed(err, '/api/billing/payments/preview');
    } finally {
      this.busy = false;
    }
  }

  async #failed(err: unknown, path: string) {
    this.preview = null;
    this.payment = null;
    this.issues = err instanceof ApiError ? err.issues : [];
    const onFields = this.issues.filter((i) => FIELDS.some((f) => issuesAt([i], f).length));
    this.error = onFields.length && onFields.length === this.issues.length ? bt('fieldErrors') : errorText(err, path);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  /** Step 2: book it. */
  async #confirm() {
    if (this.busy || !this.preview) return;
    const v = this.values;
    const body: Record<string, unknown> = { unitId: this.unitId, amount: v.amount.trim(), method: v.method };
    for (const k of ['reference', 'receiptNo', 'payerName'] as const) if (v[k].trim()) body[k] = v[k].trim();
    this.busy = true;
    this.error = '';
    try {
      const res = await api.post<{ payment: PaymentView }>('/api/billing/payments', body);
      this.preview = null;
      this.payment = res.payment;
      this.issues = [];
      this.values = { amount: '', method: v.method, reference: '', receiptNo: '', payerName: '' };
      this.dispatchEvent(new CustomEvent('wy-paid', { detail: { payment: res.payment }, bubbles: true, composed: true }));
    } catch (err) {
      await this.#failed(err, '/api/billing/payments');
    } finally {
      this.busy = false;
    }
  }

  #input(field: Exclude<Field, 'method'>, label: string, extra: { inputmode?: string; hint?: string; maxlength?: number } = {}) {
    const errors = issuesAt(this.issues, field);
    const id = `pay-${field}-error`;
    return html`<label>${label}
      <input name=${field} .value=${this.values[field]} inputmode=${extra.inputmode ?? 'text'} maxlength=${extra.maxlength ?? 64}
        aria-invalid=${errors.length ? 'true' : 'false'} aria-describedby=${errors.length ? id : nothing}
        @input=${(e: Event) => this.#set(field, (e.target as HTMLInputElement).value)}>
      ${extra.hint ? html`<span class="muted" style="font-size:11px">${extra.hint}</span>` : nothing}
      ${fieldError(id, errors)}</label>`;
  }

  #summary(p: PaymentPreview) {
    return html`<div class="card confirm" role="group" aria-labelledby="confirm-title" data-testid="payment-summary">
      <h3 id="confirm-title" style="margin:0 0 6px">${bt('confirmTitle')}</h3>
      <p style="margin:0 0 6px">${bt('confirmAmount')}：<strong data-testid="summary-amount">¥${p.amount}</strong>　${bt('confirmMethod')}：<strong data-testid="summary-method">${bt(`method_${p.method}`)}</strong></p>
      <p class="muted" style="margin:0 0 6px">${bt('confirmOutstanding', { date: p.asOf })}：¥${p.outstanding}</p>
      <table data-testid="summary-allocation">
        <caption style="text-align:left">${bt('confirmPays')}</caption>
        <thead><tr><th>${bt('colPeriod')}</th><th>${bt('confirmItems')}</th><th class="num">${bt('allocLateFee')}</th><th class="num">${bt('allocPrincipal')}</th></tr></thead>
        <tbody>
          ${p.allocations.map((a) => html`<tr><td>${a.periodLabel}</td><td>${a.items.join('、')}</td><td class="num">${a.lateFee}</td><td class="num">${a.principal}</td></tr>`)}
          ${Number(p.credit) > 0 ? html`<tr><td colspan="3">${bt('confirmCredit')}</td><td class="num">${p.credit}</td></tr>` : nothing}
        </tbody>
      </table>
      <div style="display:flex;gap:8px;margin-top:8px">
        <button type="button" @click=${() => { this.preview = null; }} ?disabled=${this.busy}>${bt('backToEdit')}</button>
        <button type="button" class="primary" data-testid="confirm-payment" @click=${() => void this.#confirm()} ?disabled=${this.busy}>${this.busy ? bt('paying') : bt('confirmPayment')}</button>
      </div>
    </div>`;
  }

  #result(p: PaymentView) {
    return html`<div class="ok-box" role="status" data-testid="payment-result">
      <p style="margin:0 0 6px">${bt('paid', { amount: p.amount, receipt: p.receiptNo })}</p>
      <table data-testid="allocation">
        <thead><tr><th>${bt('allocBill')}</th><th>${bt('colPeriod')}</th><th class="num">${bt('allocLateFee')}</th><th class="num">${bt('allocPrincipal')}</th></tr></thead>
        <tbody>
          ${p.allocations.map((a) => html`<tr data-bill=${a.billId}><td>${a.billNumber ?? ''}</td><td>${a.periodKey ?? ''}</td><td class="num">${a.lateFee}</td><td class="num">${a.principal}</td></tr>`)}
          ${Number(p.credit) > 0 ? html`<tr><td colspan="3">${bt('toCredit')}</td><td class="num">${p.credit}</td></tr>` : nothing}
        </tbody>
      </table>
      <p style="margin:8px 0 0"><a class="button" href=${`/api/billing/payments/${p.id}/receipt`} target="_blank" rel="noopener" data-testid="receipt-link">${bt('printReceipt')} ${p.receiptNo}</a></p>
    </div>`;
  }

  override render() {
    const methodErrors = issuesAt(this.issues, 'method');
    return html`
      <form class="inline" @submit=${this.#review} aria-label=${bt('pay')} novalidate>
        ${this.#input('amount', bt('amount'), { inputmode: 'decimal', maxlength: 16 })}
        <label>${bt('method')}
          <select name="method" aria-invalid=${methodErrors.length ? 'true' : 'false'} @change=${(e: Event) => this.#set('method', (e.target as HTMLSelectElement).value)}>
            ${METHODS.map((m) => html`<option value=${m} ?selected=${this.values.method === m}>${bt(`method_${m}`)}</option>`)}
          </select>${fieldError('pay-method-error', methodErrors)}</label>
        ${this.#input('reference', bt('reference'))}
        ${this.#input('receiptNo', bt('receiptNo'), { hint: bt('receiptNoHint'), maxlength: 32 })}
        ${this.#input('payerName', bt('payerName'), { maxlength: 50 })}
        <button type="submit" style="margin-top:18px" ?disabled=${this.busy || !!this.preview}>${bt('reviewPayment')}</button>
      </form>
      ${this.error ? html`<div class="error-box" role="alert" data-testid="payment-error">${this.error}</div>` : nothing}
      ${this.preview ? this.#summary(this.preview) : nothing}
      ${this.payment ? this.#result(this.payment) : nothing}
    `;
  }
}

customElements.define('wy-billing-payment-form', WyBillingPaymentForm);

declare global {
  interface HTMLElementTagNameMap {
    'wy-billing-payment-form': WyBillingPaymentForm;
  }
}
