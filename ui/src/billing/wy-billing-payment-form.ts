import { LitElement, html, nothing } from 'lit';
import { api, ApiError } from '../api.js';
import { getLanguage, I18nController } from '../i18n.js';
import { base } from '../styles.js';
import type { Issue } from '../types.js';
import { bt } from './billing-i18n.js';
import type { PaymentView } from './billing-types.js';
import { billingStyles, errorText, fieldError, issuesAt } from './billing-view.js';

const METHODS = ['cash', 'transfer', 'pos', 'online'] as const;
const FIELDS = ['amount', 'method', 'reference', 'receiptNo', 'payerName'] as const;
type Field = (typeof FIELDS)[number];

/**
 * 收款: amount, method, reference, pre-printed receipt number and payer for one unit
 * (POST /api/billing/payments). The server allocates it to the oldest bills (late fee first);
 * the allocation and the link to print the receipt are shown after; the server's issues go on
 * their fields. Fires `wy-paid` with the payment.
 */
export class WyBillingPaymentForm extends LitElement {
  static override properties = {
    unitId: { type: Number },
    values: { state: true },
    issues: { state: true },
    error: { state: true },
    busy: { state: true },
    payment: { state: true },
  };

  static override styles = [base, billingStyles];

  declare unitId: number;
  declare values: Record<Field, string>;
  declare issues: Issue[];
  declare error: string;
  declare busy: boolean;
  declare payment: PaymentView | null;

  constructor() {
    super();
    new I18nController(this);
    this.unitId = 0;
    this.values = { amount: '', method: 'cash', reference: '', receiptNo: '', payerName: '' };
    this.issues = [];
    this.error = '';
    this.busy = false;
    this.payment = null;
  }

  #set(field: Field, value: string) {
    this.values = { ...this.values, [field]: value };
  }

  async #submit(e: Event) {
    e.preventDefault();
    if (this.busy) return;
    const v = this.values;
    // exactly what was typed: the server checks the amount's format and names the field
    const body: Record<string, unknown> = { unitId: this.unitId, amount: v.amount.trim(), method: v.method };
    for (const k of ['reference', 'receiptNo', 'payerName'] as const) if (v[k].trim()) body[k] = v[k].trim();
    this.busy = true;
    this.error = '';
    try {
      const res = await api.post<{ payment: PaymentView }>('/api/billing/payments', body);
      this.payment = res.payment;
      this.issues = [];
      this.values = { amount: '', method: v.method, reference: '', receiptNo: '', payerName: '' };
      this.dispatchEvent(new CustomEvent('wy-paid', { detail: { payment: res.payment }, bubbles: true, composed: true }));
    } catch (err) {
      this.payment = null;
      this.issues = err instanceof ApiError ? err.issues : [];
      const onFields = this.issues.filter((i) => FIELDS.some((f) => issuesAt([i], f).length));
      this.error = onFields.length && onFields.length === this.issues.length ? bt('fieldErrors') : errorText(err, '/api/billing/payments');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
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

  #result(p: PaymentView) {
    return html`<div class="ok-box" role="status" data-testid="payment-result">
      <p style="margin:0 0 6px">${bt('paid', { amount: p.amount, receipt: p.receiptNo })}</p>
      <table data-testid="allocation">
        <thead><tr><th>${bt('allocBill')}</th><th>${bt('colPeriod')}</th><th class="num">${bt('allocLateFee')}</th><th class="num">${bt('allocPrincipal')}</th></tr></thead>
        <tbody>
          ${p.allocations.map((a) => html`<tr data-bill=${a.billId}><td>${a.billNumber ?? a.billId}</td><td>${a.periodKey ?? ''}</td><td class="num">${a.lateFee}</td><td class="num">${a.principal}</td></tr>`)}
          ${Number(p.credit) > 0 ? html`<tr><td colspan="3">${bt('toCredit')}</td><td class="num">${p.credit}</td></tr>` : nothing}
        </tbody>
      </table>
      <p style="margin:8px 0 0"><a class="button" href=${`/api/billing/payments/${p.id}/receipt?lang=${getLanguage()}`} target="_blank" rel="noopener" data-testid="receipt-link">${bt('printReceipt')} ${p.receiptNo}</a></p>
    </div>`;
  }

  override render() {
    const methodErrors = issuesAt(this.issues, 'method');
    return html`
      <form class="inline" @submit=${this.#submit} aria-label=${bt('pay')} novalidate>
        ${this.#input('amount', bt('amount'), { inputmode: 'decimal', maxlength: 16 })}
        <label>${bt('method')}
          <select name="method" aria-invalid=${methodErrors.length ? 'true' : 'false'} @change=${(e: Event) => this.#set('method', (e.target as HTMLSelectElement).value)}>
            ${METHODS.map((m) => html`<option value=${m} ?selected=${this.values.method === m}>${bt(`method_${m}`)}</option>`)}
          </select>${fieldError('pay-method-error', methodErrors)}</label>
        ${this.#input('reference', bt('reference'))}
        ${this.#input('receiptNo', bt('receiptNo'), { hint: bt('receiptNoHint'), maxlength: 32 })}
        ${this.#input('payerName', bt('payerName'), { maxlength: 50 })}
        <button type="submit" class="primary" style="margin-top:18px" ?disabled=${this.busy}>${this.busy ? bt('paying') : bt('submitPayment')}</button>
      </form>
      ${this.error ? html`<div class="error-box" role="alert" data-testid="payment-error">${this.error}</div>` : nothing}
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
