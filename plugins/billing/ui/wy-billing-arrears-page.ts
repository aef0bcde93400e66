import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { api, ApiError } from '../../../ui/src/plugin-ui-api.js';
import { appState } from '../../../ui/src/plugin-ui-api.js';
import { userHasPermission } from '../../../ui/src/plugin-ui-api.js';
import { formatDateTime } from '../../../ui/src/plugin-ui-api.js';
import { I18nController, loc } from '../../../ui/src/plugin-ui-api.js';
import { href, navigate } from '../../../ui/src/plugin-ui-api.js';
import { base } from '../../../ui/src/plugin-ui-api.js';
import type { Issue } from '../../../ui/src/plugin-ui-api.js';
import { bt } from './billing-i18n.js';
import type { ArrearsItem, ArrearsTotals, KeysetPage } from './billing-types.js';
import { billingStyles, errorText, fieldError, issuesAt } from './billing-view.js';

/**
 * 欠费: units in arrears (owner, outstanding, late fee, oldest period, months unpaid, last and next
 * dunning step), keyset pages, the whole list's total and an Excel export; staff with
 * billing.dunning record the next step with a note. Rows can be selected for batch work: print the
 * due 催款通知书 / 最后缴款通知书 of the selected units (issued now, one sheet each) or record one
 * dunning step for all of them (all or none).
 */
export class WyBillingArrearsPage extends LitElement {
  static override properties = {
    query: { attribute: false }, rows: { state: true }, nextCursor: { state: true }, error: { state: true },
    recording: { state: true }, note: { state: true }, issues: { state: true }, message: { state: true },
    totals: { state: true }, selected: { state: true }, batchStep: { state: true }, batchNote: { state: true }, busy: { state: true },
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
  declare totals: ArrearsTotals | null;
  declare selected: Set<number>;
  declare batchStep: string;
  declare batchNote: string;
  declare busy: boolean;

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
    this.totals = null;
    this.selected = new Set();
    this.batchStep = '';
    this.batchNote = '';
    this.busy = false;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) void this.#load();
  }

  async #load() {
    const q = this.query;
    try {
      const res = await api.get<KeysetPage<ArrearsItem> & { totals: ArrearsTotals | null }>('/api/billing/arrears', {
        projectId: q.get('projectId') ?? undefined, minMonths: q.get('minMonths') ?? undefined, cursor: q.get('cursor') ?? undefined,
      });
      this.rows = res.items;
      if (res.totals) this.totals = res.totals;
      this.selected = new Set([...this.selected].filter((id) => res.items.some((r) => r.unitId === id)));
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

  #exportUrl(): string {
    const params = new URLSearchParams();
    for (const k of ['projectId', 'minMonths']) { const v = this.query.get(k); if (v) params.set(k, v); }
    const qs = params.toString();
    return `/api/billing/arrears.xlsx${qs ? `?${qs}` : ''}`;
  }

  #toggle(unitId: number, on: boolean) {
    const next = new Set(this.selected);
    if (on) next.add(unitId); else next.delete(unitId);
    this.selected = next;
  }

  /** Issues the due notices of the selected units now and opens them as one printable page set. */
  async #batchPrint(kind: 'reminder' | 'final') {
    if (this.busy || !this.selected.size) return;
    this.busy = true;
    this.message = '';
    const win = window.open('', '_blank');
    try {
      const res = await api.post<{ notices: { billId: number; newlyIssued: boolean }[] }>('/api/billing/notices', { kind, unitIds: [...this.selected] });
      if (!res.notices.length) {
        win?.close();
        this.message = bt('noDueNotices');
        return;
      }
      this.message = bt('noticesIssued', { n: res.notices.length });
      const url = `/api/billing/notices/print?kind=${kind}&billIds=${res.notices.map((n) => n.billId).join(',')}`;
      if (win) win.location.href = url;
    } catch (err) {
      win?.close();
      this.message = '';
      this.error = errorText(err, '/api/billing/notices');
    } finally {
      this.busy = false;
    }
  }

  async #batchDunning(e: Event) {
    e.preventDefault();
    if (this.busy || !this.selected.size) return;
    if (!this.batchNote.trim()) {
      this.issues = [{ pointer: '/note', code: 'note-missing', message: bt('noteRequired') }];
      return;
    }
    this.busy = true;
    try {
      const res = await api.post<{ steps: unknown[] }>('/api/billing/dunning', { unitIds: [...this.selected], step: this.batchStep, note: this.batchNote.trim() });
      this.message = bt('batchDunningDone', { n: res.steps.length });
      this.batchNote = '';
      this.issues = [];
      this.selected = new Set();
      await this.#load();
    } catch (err) {
      this.issues = err instanceof ApiError ? err.issues : [];
      // a unit that may not take the step is named by its place in the selection
      const units = [...this.selected];
      this.error = this.issues.length
        ? this.issues.map((i) => { const m = /^\/unitIds\/(\d+)$/.exec(i.pointer); const row = m ? this.rows?.find((r) => r.unitId === units[Number(m[1])]) : undefined; return `${row ? `${row.unitLabel}：` : ''}${i.message}`; }).join('；')
        : errorText(err, '/api/billing/dunning');
    } finally {
      this.busy = false;
    }
  }

  #batchBar() {
    const rows = (this.rows ?? []).filter((r) => this.selected.has(r.unitId));
    const steps = new Map<string, string>();
    for (const r of rows) if (r.nextStep) steps.set(r.nextStep.code, loc(r.nextStep.title));
    if (!steps.has(this.batchStep) && steps.size) this.batchStep = [...steps.keys()][0]!;
    const canDun = userHasPermission('billing.dunning');
    const canCollect = userHasPermission('billing.collect');
    const noteErrors = [...issuesAt(this.issues, 'note')];
    return html`<div class="card batch" data-testid="batch-bar" style="display:flex;gap:8px;flex-wrap:wrap;align-items:flex-end">
      <strong style="margin-bottom:6px">${bt('selectedCount', { n: this.selected.size })}</strong>
      ${canCollect ? html`
        <button type="button" ?disabled=${this.busy} data-testid="batch-reminder" @click=${() => void this.#batchPrint('reminder')}>${bt('batchPrintReminder')}</button>
        <button type="button" ?disabled=${this.busy} data-testid="batch-final" @click=${() => void this.#batchPrint('final')}>${bt('batchPrintFinal')}</button>` : nothing}
      ${canDun && steps.size ? html`<form class="inline" @submit=${(e: Event) => void this.#batchDunning(e)} aria-label=${bt('batchDunning')}>
        <label>${bt('batchDunningStep')}<select @change=${(e: Event) => { this.batchStep = (e.target as HTMLSelectElement).value; }}>
          ${[...steps].map(([code, title]) => html`<option value=${code} ?selected=${code === this.batchStep}>${title}</option>`)}</select></label>
        <label>${bt('batchDunningNote')}<input .value=${this.batchNote} maxlength="500" aria-invalid=${noteErrors.length ? 'true' : 'false'}
          @input=${(e: Event) => { this.batchNote = (e.target as HTMLInputElement).value; }}>${fieldError('batch-note-error', noteErrors)}</label>
        <button type="submit" class="primary" ?disabled=${this.busy} data-testid="batch-dunning" style="margin-top:18px">${bt('batchDunning')}</button>
      </form>` : nothing}
    </div>`;
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
    return html`<tr class="record"><td colspan="9">
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
      ${this.totals ? html`<p class="totals" data-testid="arrears-total"><strong>${bt('arrearsTotal', { units: this.totals.units, outstanding: this.totals.outstanding, lateFee: this.totals.lateFee })}</strong>
        <a class="button" style="margin-left:12px" data-testid="arrears-export" href=${this.#exportUrl()} download>${bt('exportXlsx')}</a></p>` : nothing}
      ${this.selected.size ? this.#batchBar() : nothing}
      <section class="card">
        ${this.rows === null ? html`<p role="status">${bt('loading')}</p>` : this.rows.length ? html`<div class="table-wrap"><table data-testid="arrears">
          <thead><tr><th><input type="checkbox" aria-label=${bt('selectAll')} .checked=${this.rows.length > 0 && this.rows.every((r) => this.selected.has(r.unitId))}
            @change=${(e: Event) => { const on = (e.target as HTMLInputElement).checked; this.selected = on ? new Set(this.rows!.map((r) => r.unitId)) : new Set(); }}></th><th>${bt('colUnit')}</th><th>${bt('owner')}</th><th class="num">${bt('colOutstanding')}</th><th class="num">${bt('colLateFee')}</th><th>${bt('oldestPeriod')}</th><th class="num">${bt('monthsUnpaid')}</th><th>${bt('lastStep')}</th><th>${bt('nextStep')}</th></tr></thead>
          <tbody>${this.rows.map((r) => html`<tr data-unit=${r.unitId}>
            <td><input type="checkbox" aria-label=${bt('selectUnit', { unit: r.unitLabel })} .checked=${this.selected.has(r.unitId)} @change=${(e: Event) => this.#toggle(r.unitId, (e.target as HTMLInputElement).checked)}></td>
            <td><a href=${href(`/billing/units/${r.unitId}`)}>${r.unitLabel}</a></td>
            <td>${r.owner ? `${r.owner.name}${r.owner.phone ? ` ${r.owner.phone}` : ''}` : ''}</td>
            <td class="num">${r.outstanding}</td><td class="num">${r.lateFee}</td><td>${r.oldestPeriodLabel ?? r.oldestPeriod}</td><td class="num">${r.monthsUnpaid}</td>
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
