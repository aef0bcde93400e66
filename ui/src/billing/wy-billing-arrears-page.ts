import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { api, ApiError } from '../api.js';
import { appState } from '../app-state.js';
import { userHasPermission } from '../elements/wy-app-nav.js';
import { formatDateTime } from '../format.js';
import { I18nController, loc } from '../i18n.js';
import { href, navigate } from '../router.js';
import { base } from '../styles.js';
import type { Issue } from '../types.js';
import { bt } from './billing-i18n.js';
import type { ArrearsItem, KeysetPage } from './billing-types.js';
import { billingStyles, errorText, fieldError, issuesAt } from './billing-view.js';

/**
 * 欠费: units in arrears (owner, outstanding, late fee, oldest period, months unpaid, last and next
 * dunning step), keyset pages; staff with billing.dunning record the next step with a note.
 */
export class WyBillingArrearsPage extends LitElement {
  static override properties = {
    query: { attribute: false }, rows: { state: true }, nextCursor: { state: true }, error: { state: true },
    recording: { state: true }, note: { state: true }, issues: { state: true }, message: { state: true },
  };
  static override styles = [base, billingStyles];

  declare query: URLSearchParams;
  declare rows: ArrearsItem[] | null;
  declare nextCursor: string | number | null;
  declare error: string;
  declare recording: number | null;
  declare note: string;
  declare issues: Issue[];
  declare message: string;

  constructor() {
    super();
    new I18nController(this);
    this.query = new URLSearchParams();
    this.rows = null;
    this.nextCursor = null;
    this.error = '';
    this.recording = null;
    this.note = '';
    this.issues = [];
    this.message = '';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) void this.#load();
  }

  async #load() {
    const q = this.query;
    try {
      const res = await api.get<KeysetPage<ArrearsItem>>('/api/billing/arrears', {
        projectId: q.get('projectId') ?? undefined, minMonths: q.get('minMonths') ?? undefined, cursor: q.get('cursor') ?? undefined,
      });
      this.rows = res.items;
      this.nextCursor = res.nextCursor ?? null;
      this.error = '';
    } catch (err) {
      this.rows = [];
      this.error = errorText(err, '/api/billing/arrears');
    }
  }

  async #record(row: ArrearsItem, step: string) {
    if (!this.note.trim()) {
      this.issues = [{ pointer: '/note', code: 'note-missing', message: bt('noteRequired') }];
      return;
    }
    try {
      await api.post(`/api/billing/units/${row.unitId}/dunning`, { step, note: this.note.trim() });
      this.message = bt('stepRecorded', { step: `${row.unitLabel} · ${loc(row.nextStep?.title) || step}` });
      this.recording = null;
      this.note = '';
      this.issues = [];
      await this.#load();
    } catch (err) {
      this.issues = err instanceof ApiError ? err.issues : [];
      if (!this.issues.length) this.message = errorText(err);
    }
  }

  #search(e: Event) {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const get = (k: string) => String(form.get(k) ?? '').trim() || undefined;
    navigate(href('/billing/arrears', { projectId: get('projectId'), minMonths: get('minMonths') }));
  }

  #recordForm(row: ArrearsItem) {
    const step = row.nextStep!;
    const noteErrors = [...issuesAt(this.issues, 'note'), ...issuesAt(this.issues, 'step')];
    return html`<tr class="record"><td colspan="8">
      <form class="inline" @submit=${(e: Event) => { e.preventDefault(); void this.#record(row, step.code); }} aria-label=${`${bt('recordStep')} · ${row.unitLabel}`}>
        <span style="margin-top:22px">${bt('step')}：<strong>${loc(step.title)}</strong></span>
        <label style="flex:1">${bt('note')}<input .value=${this.note} maxlength="500" aria-invalid=${noteErrors.length ? 'true' : 'false'} aria-describedby=${noteErrors.length ? 'note-error' : nothing}
          @input=${(e: Event) => { this.note = (e.target as HTMLInputElement).value; }}>${fieldError('note-error', noteErrors)}</label>
        <button type="submit" class="primary" style="margin-top:18px">${bt('recordStep')}</button>
      </form></td></tr>`;
  }

  override render() {
    const q = this.query;
    const canDun = userHasPermission('billing.dunning');
    return html`
      <h1>${bt('arrears')}</h1>
      <p class="muted">${bt('arrearsHint')}</p>
      <form class="toolbar" @submit=${this.#search}>
        <label>${bt('project')}<select name="projectId"><option value="">${bt('allProjects')}</option>
          ${appState().projects.map((p) => html`<option value=${p.id} ?selected=${q.get('projectId') === String(p.id)}>${p.name}</option>`)}</select></label>
        <label>${bt('minMonths')}<input name="minMonths" type="number" min="0" max="240" style="width:90px" .value=${q.get('minMonths') ?? ''}></label>
        <button type="submit" class="primary">${bt('filter')}</button>
      </form>
      ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : nothing}
      ${this.message ? html`<div class="ok-box" role="status">${this.message}</div>` : nothing}
      <section class="card">
        ${this.rows === null ? html`<p role="status">${bt('loading')}</p>` : this.rows.length ? html`<div class="table-wrap"><table data-testid="arrears">
          <thead><tr><th>${bt('colUnit')}</th><th>${bt('owner')}</th><th class="num">${bt('colOutstanding')}</th><th class="num">${bt('colLateFee')}</th><th>${bt('oldestPeriod')}</th><th class="num">${bt('monthsUnpaid')}</th><th>${bt('lastStep')}</th><th>${bt('nextStep')}</th></tr></thead>
          <tbody>${this.rows.map((r) => html`<tr data-unit=${r.unitId}>
            <td><a href=${href(`/billing/units/${r.unitId}`)}>${r.unitLabel}</a></td>
            <td>${r.owner ? `${r.owner.name}${r.owner.phone ? ` ${r.owner.phone}` : ''}` : ''}</td>
            <td class="num">${r.outstanding}</td><td class="num">${r.lateFee}</td><td>${r.oldestPeriod}</td><td class="num">${r.monthsUnpaid}</td>
            <td>${r.lastStep ? html`${loc(r.lastStep.title) || r.lastStep.step}<br><span class="muted">${formatDateTime(r.lastStep.recordedAt)}</span>` : '—'}</td>
            <td>${r.nextStep ? html`${loc(r.nextStep.title)}${canDun && this.recording !== r.unitId ? html` <button type="button" class="link" @click=${() => { this.recording = r.unitId; this.note = ''; this.issues = []; }}>${bt('recordStep')}</button>` : nothing}` : '—'}</td>
          </tr>${this.recording === r.unitId && r.nextStep ? this.#recordForm(r) : nothing}`)}</tbody></table></div>` : html`<p class="muted">${bt('noArrears')}</p>`}
        ${this.nextCursor !== null ? html`<div class="pager"><a class="button" href=${href('/billing/arrears', { projectId: q.get('projectId'), minMonths: q.get('minMonths'), cursor: String(this.nextCursor) })}>${bt('nextPage')}</a></div>` : nothing}
      </section>
    `;
  }
}

customElements.define('wy-billing-arrears-page', WyBillingArrearsPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-billing-arrears-page': WyBillingArrearsPage;
  }
}
