import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { api, ApiError, withQuery } from '../api.js';
import { appState } from '../app-state.js';
import { I18nController, loc, t } from '../i18n.js';
import { caseHref, href, navigate } from '../router.js';
import { base } from '../styles.js';
import { userHasPermission } from '../elements/wy-app-nav.js';
import type { Breakdown, CaseTypeReport, MonthlyReport } from './report-types.js';
import { percent, rt } from './reports-i18n.js';
import { PALETTE, type ChartSpec } from './wy-chart.js';
import './wy-chart.js';
import './wy-follow-up-rates.js';

interface CollectionRate { label: string; periodKey: string; billed: string; collected: string; rate: string | null; target: string; met: boolean }

/** The month now in the browser's clock, YYYY-MM. */
function thisMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

const bar = (b: Breakdown, horizontal = false): ChartSpec => ({
  kind: 'bar', horizontal, labels: b.items.map((i) => loc(i.label)), series: [{ label: loc(b.label), data: b.items.map((i) => i.count) }],
});

/**
 * 统计: the month's statistics per case type as charts and figures (by state, severity, each
 * summary field, project; deadline compliance; follow-up rates against the policy; causes of
 * dissatisfaction), billing's collection rates when billing is enabled, and the .xlsx export.
 */
export class WyReportsPage extends LitElement {
  static override properties = { query: { attribute: false }, report: { state: true }, rates: { state: true }, error: { state: true } };

  static override styles = [base, css`
    :host { display: block; }
    .kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(120px, 1fr)); gap: 8px; margin-bottom: 16px; }
    .kpi { border: 1px solid var(--wy-border); border-radius: var(--wy-radius); padding: 8px 10px; background: #fafbfc; }
    .kpi .v { font-size: 20px; font-weight: 600; color: #1f2933; font-variant-numeric: tabular-nums; }
    .kpi .k { font-size: 12px; color: var(--wy-muted); }
    .kpi.bad .v { color: var(--wy-danger); }
    .kpi.ok .v { color: var(--wy-ok); }
    .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 16px; }
    figure { margin: 0; border: 1px solid var(--wy-border); border-radius: var(--wy-radius); padding: 10px; }
    figcaption { font-size: 13px; font-weight: 600; margin-bottom: 6px; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .words { margin: 8px 0 0; padding-left: 18px; font-size: 13px; }
    .words li { margin-bottom: 4px; }
    .badge.ok { background: var(--wy-ok-light); color: var(--wy-ok); }
    .rates { display: grid; grid-template-columns: minmax(0, 3fr) minmax(260px, 2fr); gap: 16px; align-items: start; }
    @media (max-width: 900px) { .rates { grid-template-columns: 1fr; } }
    section.type > header { display: flex; align-items: baseline; gap: 12px; }
  `];

  declare query: URLSearchParams;
  declare report: MonthlyReport | null;
  declare rates: CollectionRate[] | null;
  declare error: string;

  constructor() {
    super();
    new I18nController(this);
    this.query = new URLSearchParams();
    this.report = null;
    this.rates = null;
    this.error = '';
  }

  get #month() { return /^\d{4}-(0[1-9]|1[0-2])$/.test(this.query.get('month') ?? '') ? this.query.get('month')! : thisMonth(); }
  get #projectId() { return this.query.get('projectId') || undefined; }
  get #billing() { return 'billing' in appState().plugins && userHasPermission('billing.view'); }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) void this.#load();
  }

  async #load() {
    const q = { month: this.#month, projectId: this.#projectId };
    this.report = null;
    try {
      const [report, rates] = await Promise.all([
        api.get<MonthlyReport>('/api/reports/monthly', q),
        this.#billing
          ? api.get<{ items: CollectionRate[] }>('/api/billing/collection-rates', { projectId: q.projectId, asOf: `${q.month}-15` }).then((r) => r.items).catch(() => null)
          : Promise.resolve(null),
      ]);
      if (q.month !== this.#month || q.projectId !== this.#projectId) return;
      this.report = report;
      this.rates = rates;
      this.error = '';
    } catch (err) {
      this.error = err instanceof ApiError && err.status ? err.message : t('networkError');
    }
  }

  #search(e: Event) {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    navigate(href('/reports', { month: String(form.get('month') ?? '') || undefined, projectId: String(form.get('projectId') ?? '') || undefined }));
  }

  override render() {
    const month = this.#month;
    const exportUrl = withQuery('/api/reports/monthly.xlsx', { month, projectId: this.#projectId });
    return html`
      <h1>${rt('title')}</h1>
      <form class="toolbar" @submit=${this.#search}>
        <label>${rt('month')}<input name="month" type="month" required .value=${month} @change=${(e: Event) => (e.target as HTMLInputElement).form?.requestSubmit()}></label>
        <label>${rt('project')}<select name="projectId" @change=${(e: Event) => (e.target as HTMLSelectElement).form?.requestSubmit()}>
          <option value="">${rt('allProjects')}</option>
          ${appState().projects.map((p) => html`<option value=${p.id} ?selected=${this.#projectId === String(p.id)}>${p.name}</option>`)}
        </select></label>
        <span class="spacer"></span>
        <a class="button primary" data-testid="export" href=${exportUrl} download=${`report-${month}.xlsx`}>${rt('export')}</a>
      </form>
      <p class="muted">${rt('basis')}</p>
      ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : nothing}
      ${!this.report ? (this.error ? nothing : html`<p role="status">${rt('loading')}</p>`) : html`
        ${this.#ratesPanel()}
        ${this.report.caseTypes.some((c) => c.followUps) ? html`<section class="card">
          <h2>${rt('rates', { month })}</h2>
          <wy-follow-up-rates .items=${this.report.caseTypes.flatMap((c) => (c.followUps ? [c.followUps] : []))}></wy-follow-up-rates>
        </section>` : nothing}
        ${this.report.caseTypes.map((c) => this.#caseType(c))}`}
    `;
  }

  #ratesPanel() {
    if (!this.rates) return nothing;
    return html`<section class="card" data-testid="collection-rates-panel">
      <h2>${rt('collectionRates')}</h2>
      <p class="muted">${rt('collectionRatesNote')}</p>
      <div class="rates">
        <table>
          <thead><tr><th></th><th>${rt('month')}</th><th class="num">${rt('billed')}</th><th class="num">${rt('collected')}</th><th class="num">${rt('rate')}</th><th class="num">${rt('target')}</th><th></th></tr></thead>
          <tbody>${this.rates.map((r) => html`<tr data-label=${r.label}>
            <th scope="row">${rt(`label_${r.label}`)}</th><td>${r.periodKey}</td><td class="num">${r.billed}</td><td class="num">${r.collected}</td>
            <td class="num" data-cell="rate">${percent(r.rate)}</td><td class="num">${percent(r.target)}</td>
            <td>${r.rate === null ? html`<span class="badge">${rt('noBilling')}</span>` : r.met ? html`<span class="badge ok">${rt('met')}</span>` : html`<span class="badge danger">${rt('notMet')}</span>`}</td>
          </tr>`)}</tbody>
        </table>
        <figure><figcaption>${rt('collectionRates')}</figcaption>
          <wy-chart .label=${rt('collectionRates')} .spec=${{
            kind: 'bar', percent: true, labels: this.rates.map((r) => `${rt(`label_${r.label}`)} ${r.periodKey}`),
            series: [{ label: rt('rate'), data: this.rates.map((r) => Number(r.rate ?? 0)), color: PALETTE[0] }, { label: rt('target'), data: this.rates.map((r) => Number(r.target)), color: PALETTE[1] }],
          } satisfies ChartSpec}></wy-chart>
        </figure>
      </div>
    </section>`;
  }

  #caseType(c: CaseTypeReport) {
    const f = c.followUps;
    const empty = c.cases.total === 0 && c.deadlines.total === 0 && (!f || f.due === 0);
    const kpi = (k: string, v: string | number, cls = '') => html`<div class="kpi ${cls}"><div class="v">${v}</div><div class="k">${k}</div></div>`;
    return html`<section class="card type" data-case-type=${c.caseType}>
      <header><h2>${loc(c.title)}</h2></header>
      <div class="kpis">
        ${kpi(rt('registered'), c.cases.total)}
        ${kpi(rt('closed'), c.cases.closed)}
        ${kpi(rt('open'), c.cases.open)}
        ${kpi(rt('overdue'), c.cases.overdue, c.cases.overdue ? 'bad' : '')}
        ${kpi(rt('compliance'), percent(c.deadlines.complianceRate))}
        ${f ? html`
          ${kpi(`${rt('followUpRate')}（${rt('required')} ${percent(f.requiredRate)}）`, percent(f.rate), f.due ? (f.met ? 'ok' : 'bad') : '')}
          ${kpi(rt('satisfaction'), percent(f.satisfactionRate))}
          ${kpi(rt('onSiteShare'), percent(f.onSiteShare))}
          ${kpi(rt('spotChecks'), f.spotChecks)}` : nothing}
      </div>
      ${empty ? html`<p class="muted">${rt('noCases')}</p>` : html`<div class="charts">
        ${c.cases.total ? html`
          <figure><figcaption>${rt('byState')}</figcaption><wy-chart .label=${rt('byState')} .spec=${{ kind: 'bar', labels: c.byState.map((b) => loc(b.label)), series: [{ label: rt('count'), data: c.byState.map((b) => b.count) }] } satisfies ChartSpec}></wy-chart></figure>
          ${c.bySeverity ? html`<figure><figcaption>${rt('bySeverity')}</figcaption><wy-chart .label=${rt('bySeverity')} .spec=${{ ...bar(c.bySeverity), kind: 'doughnut' } satisfies ChartSpec}></wy-chart></figure>` : nothing}
          ${c.fields.filter((b) => b.field !== c.bySeverity?.field).map((b) => html`<figure><figcaption>${loc(b.label)}</figcaption><wy-chart .label=${loc(b.label)} .spec=${bar(b, b.items.length > 4)}></wy-chart></figure>`)}
          ${c.byProject.length > 1 ? html`<figure><figcaption>${rt('byProject')}</figcaption><wy-chart .label=${rt('byProject')} .spec=${{ kind: 'doughnut', labels: c.byProject.map((p) => p.name), series: [{ label: rt('count'), data: c.byProject.map((p) => p.count) }] } satisfies ChartSpec}></wy-chart></figure>` : nothing}` : nothing}
        ${c.deadlines.clocks.length ? html`<figure><figcaption>${rt('deadlines')}</figcaption><wy-chart .label=${rt('deadlines')} .spec=${{
          kind: 'stacked', horizontal: true, labels: c.deadlines.clocks.map((k) => loc(k.title)),
          series: [
            { label: rt('metOnTime'), data: c.deadlines.clocks.map((k) => k.metOnTime), color: '#2e7d32' },
            { label: rt('metLate'), data: c.deadlines.clocks.map((k) => k.metLate), color: '#f0a500' },
            { label: rt('overdueOpen'), data: c.deadlines.clocks.map((k) => k.overdueOpen), color: '#c62828' },
            { label: rt('running'), data: c.deadlines.clocks.map((k) => k.running), color: '#90a4ae' },
          ],
        } satisfies ChartSpec}></wy-chart></figure>` : nothing}
        ${f && f.due ? html`<figure><figcaption>${rt('followUps')}</figcaption><wy-chart .label=${rt('followUps')} .spec=${{
          kind: 'bar', labels: [rt('colDue'), rt('colDone'), rt('colOnTime'), rt('colSatisfied'), rt('colUnsatisfied'), rt('method_onSite'), rt('colOverdueOpen')],
          series: [{ label: rt('count'), data: [f.due, f.done, f.doneOnTime, f.satisfied, f.unsatisfied, f.onSite, f.overdueOpen] }],
        } satisfies ChartSpec}></wy-chart></figure>` : nothing}
        ${this.#dissatisfaction(c)}
      </div>`}
    </section>`;
  }

  #dissatisfaction(c: CaseTypeReport) {
    const d = c.dissatisfaction;
    if (!d || !c.followUps?.done) return nothing;
    if (!d.unsatisfied) return html`<figure><figcaption>${rt('dissatisfaction')}</figcaption><p class="muted">${rt('noDissatisfaction')}</p></figure>`;
    const main = d.byCaseField.find((b) => b.items.some((i) => i.key !== null)) ?? d.byResultField[0];
    return html`<figure data-testid="dissatisfaction"><figcaption>${rt('dissatisfaction')}${main ? ` · ${loc(main.label)}` : ''}</figcaption>
      ${main ? html`<wy-chart .label=${rt('dissatisfaction')} .spec=${{ ...bar(main, true), series: [{ label: rt('colUnsatisfied'), data: main.items.map((i) => i.count), color: '#c62828' }] } satisfies ChartSpec}></wy-chart>` : nothing}
      ${d.items.length ? html`<div class="muted">${rt('residentWords')}</div><ul class="words">${d.items.slice(0, 8).map((i) => html`<li>
        <a class="serial" href=${caseHref(c.caseType, i.caseId)}>${i.serial}</a> ${i.texts.map((x) => `${loc(x.label)}：${x.value}`).join('；')}</li>`)}</ul>` : nothing}
    </figure>`;
  }
}

customElements.define('wy-reports-page', WyReportsPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-reports-page': WyReportsPage;
  }
}
