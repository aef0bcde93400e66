import { LitElement, html, nothing } from 'lit';
import { api } from '../../../ui/src/plugin-ui-api.js';
import { appState, projectName } from '../../../ui/src/plugin-ui-api.js';
import { formatDateTime } from '../../../ui/src/plugin-ui-api.js';
import { I18nController } from '../../../ui/src/plugin-ui-api.js';
import { href } from '../../../ui/src/plugin-ui-api.js';
import { base } from '../../../ui/src/plugin-ui-api.js';
import { bt, btOr } from './billing-i18n.js';
import type { PeriodView, RunView } from './billing-types.js';
import { billingStyles, errorText } from './billing-view.js';

/** 计费 (finance): run the billing of a period for all projects or one, and the runs so far. */
export class WyBillingRunsPage extends LitElement {
  static override properties = {
    runs: { state: true }, periodKey: { state: true }, projectId: { state: true }, busy: { state: true },
    error: { state: true }, message: { state: true }, current: { state: true },
  };
  static override styles = [base, billingStyles];

  declare runs: RunView[] | null;
  declare periodKey: string;
  declare projectId: string;
  declare busy: boolean;
  declare error: string;
  declare message: string;
  declare current: PeriodView | null;

  constructor() {
    super();
    new I18nController(this);
    this.runs = null;
    this.periodKey = '';
    this.projectId = '';
    this.busy = false;
    this.error = '';
    this.message = '';
    this.current = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
    api.get<{ current: PeriodView }>('/api/billing/periods').then((p) => {
      this.current = p.current;
      if (!this.periodKey) this.periodKey = p.current.periodKey;
    }, () => undefined);
  }

  async #load() {
    try {
      this.runs = (await api.get<{ items: RunView[] }>('/api/billing/runs')).items;
    } catch (err) {
      this.runs = [];
      this.error = errorText(err, '/api/billing/runs');
    }
  }

  async #start(e: Event) {
    e.preventDefault();
    this.busy = true;
    this.error = '';
    this.message = '';
    try {
      const body: Record<string, unknown> = { periodKey: this.periodKey.trim() };
      if (this.projectId) body.projectId = Number(this.projectId);
      const res = await api.post<{ run: RunView; created?: number }>('/api/billing/runs', body);
      this.message = bt('runDone', { period: res.run.periodKey, created: res.created ?? res.run.billsCreated });
      await this.#load();
    } catch (err) {
      this.error = errorText(err, '/api/billing/runs');
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`
      <h1>${bt('runs')}</h1>
      <p class="muted">${bt('runsHint')}</p>
      <section class="card">
        ${this.current ? html`<p class="muted">${bt('currentPeriod', { key: this.current.periodKey, start: this.current.start, end: this.current.end })}</p>` : nothing}
        <form class="inline" @submit=${this.#start} aria-label=${bt('startRun')}>
          <label>${bt('period')}<input .value=${this.periodKey} placeholder=${bt('periodPlaceholder')} maxlength="16" style="width:120px" required
            @input=${(e: Event) => { this.periodKey = (e.target as HTMLInputElement).value; }}></label>
          <label>${bt('project')}<select @change=${(e: Event) => { this.projectId = (e.target as HTMLSelectElement).value; }}>
            <option value="">${bt('allProjects')}</option>
            ${appState().projects.map((p) => html`<option value=${p.id} ?selected=${this.projectId === String(p.id)}>${p.name}</option>`)}</select></label>
          <button type="submit" class="primary" style="margin-top:18px" ?disabled=${this.busy}>${this.busy ? bt('runningRun') : bt('startRun')}</button>
        </form>
        ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : nothing}
        ${this.message ? html`<div class="ok-box" role="status" data-testid="run-message">${this.message}</div>` : nothing}
      </section>
      <section class="card">
        ${this.runs === null ? html`<p role="status">${bt('loading')}</p>` : this.runs.length ? html`<table data-testid="runs">
          <thead><tr><th>#</th><th>${bt('period')}</th><th>${bt('project')}</th><th>${bt('runStatus')}</th><th class="num">${bt('unitsTotal')}</th><th class="num">${bt('billsCreated')}</th><th>${bt('startedAt')}</th><th>${bt('finishedAt')}</th></tr></thead>
          <tbody>${this.runs.map((r) => html`<tr data-run=${r.id}>
            <td>${r.id}</td><td><a href=${href('/billing/bills', { periodKey: r.periodKey, projectId: r.projectId ?? undefined })}>${r.periodKey}</a></td>
            <td>${r.projectId ? projectName(r.projectId) : bt('allProjects')}</td><td>${btOr(`runStatus_${r.status}`, r.status)}</td>
            <td class="num">${r.unitsTotal}</td><td class="num">${r.billsCreated}</td><td>${formatDateTime(r.startedAt)}</td><td>${r.finishedAt ? formatDateTime(r.finishedAt) : ''}</td>
          </tr>`)}</tbody></table>` : html`<p class="muted">${bt('noRuns')}</p>`}
      </section>
    `;
  }
}

customElements.define('wy-billing-runs-page', WyBillingRunsPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-billing-runs-page': WyBillingRunsPage;
  }
}
