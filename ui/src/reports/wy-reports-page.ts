import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { api, ApiError, withQuery } from '../api.js';
import { appState } from '../app-state.js';
import { I18nController, loc, t } from '../i18n.js';
import { caseHref, href, navigate } from '../router.js';
import { base } from '../styles.js';
import { userHasPermission } from '../permissions.js';
import { reportPanels } from '../plugin-ui-registry.js';
import type { Breakdown, CaseTypeReport, MonthlyReport } from './report-types.js';
import { percent, rt } from './reports-i18n.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ChartSpec } from './wy-chart.js';
import './wy-chart.js';
import './wy-breakdown.js';
import './wy-follow-up-rates.js';
import './wy-report-targets.js';
import '../resident-messages/wy-report-messages.js';

/** The month now in the browser's clock, YYYY-MM. */
function thisMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** Nothing registered, no clock and no follow-up due in the month. */
const isEmpty = (c: CaseTypeReport) => c.cases.total === 0 && c.deadlines.total === 0 && (!c.followUps || c.followUps.due === 0);

/**
 * 统计: the month's statistics per case type — key figures, then compact count tables (by state,
 * severity, each summary field, project), deadline compliance, follow-up rates against the policy
 * and the causes of dissatisfaction; a breakdown with one value is a one-line fact, and the case
 * types with nothing this month share one line. One chart compares the case types. The panels
 * the enabled plugins contribute (report panels, each loaded on first view), and the .xlsx export.
 */
export class WyReportsPage extends LitElement {
  static override properties = { query: { attribute: false }, report: { state: true }, panelsReady: { state: true }, error: { state: true } };

  static override styles = [base, css`
    :host { display: block; }
    .kpis { display: flex; flex-wrap: wrap; gap: 6px; margin-bottom: 8px; }
    .kpi { border: 1px solid var(--wy-border); border-radius: var(--wy-radius); padding: 4px 10px; background: #fafbfc; min-width: 72px; }
    .kpi .v { font-size: 18px; font-weight: 600; color: #1f2933; font-variant-numeric: tabular-nums; line-height: 1.3; }
    .kpi .k { font-size: 12px; color: var(--wy-muted); }
    .kpi.bad .v { color: var(--wy-danger); }
    .kpi.ok .v { color: var(--wy-ok); }
    .facts { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0 0 8px; font-size: 13px; }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 12px 20px; align-items: start; }
    .grid > .deadlines { grid-column: 1 / -1; overflow-x: auto; }
    .grid > [data-testid="dissatisfaction"] { grid-column: span 2; }
    @media (max-width: 700px) { .grid > [data-testid="dissatisfaction"] { grid-column: auto; } }
    .deadlines table { width: auto; min-width: 60%; }
    .deadlines table { font-size: 13px; }
    .deadlines th, .deadlines td { padding: 3px 6px; }
    /* on a phone the seven columns fit the card (they ran off its right edge): headings and clock names wrap, figures stay whole */
    @media (max-width: 700px) {
      .deadlines table { width: 100%; min-width: 0; }
      .deadlines th, .deadlines td { padding: 3px 3px; }
      .deadlines th { white-space: normal; overflow-wrap: anywhere; }
      .deadlines td { white-space: nowrap; }
      .deadlines thead th { font-size: 12px; }
    }
    caption, .caption { text-align: left; font-weight: 600; font-size: 13px; padding: 0 0 4px; color: #1f2933; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    td.bad { color: var(--wy-danger); font-weight: 600; }
    .words { margin: 4px 0 0; padding-left: 18px; font-size: 13px; }
    .words li { margin-bottom: 4px; }
    .badge.ok { background: var(--wy-ok-light); color: var(--wy-ok); }
    .rates { overflow-x: auto; }
    section.type { padding-top: 10px; padding-bottom: 10px; }
    section.type h2 { margin: 0 0 6px; font-size: 17px; }
    section.type > header { display: flex; align-items: baseline; gap: 12px; }
  `];

  declare query: URLSearchParams;
  declare report: MonthlyReport | null;
  /** the report panels' modules are loaded */
  declare panelsReady: boolean;
  declare error: string;

  constructor() {
    super();
    new I18nController(this);
    this.query = new URLSearchParams();
    this.report = null;
    this.panelsReady = false;
    this.error = '';
  }

  get #month() { return /^\d{4}-(0[1-9]|1[0-2])$/.test(this.query.get('month') ?? '') ? this.query.get('month')! : thisMonth(); }
  get #projectId() { return this.query.get('projectId') || undefined; }
  #panels() { return reportPanels().filter((p) => userHasPermission(p.permission)); }

  override connectedCallback(): void {
    super.connectedCallback();
    void Promise.all(this.#panels().map((p) => p.load())).then(() => { this.panelsReady = true; }, () => undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) void this.#load();
  }

  async #load() {
    const q = { month: this.#month, projectId: this.#projectId };
    this.report = null;
    try {
      const report = await api.get<MonthlyReport>('/api/reports/monthly', q);
      if (q.month !== this.#month || q.projectId !== this.#projectId) return;
      this.report = report;
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
        ${this.#pluginPanels()}
        ${this.report.caseTypes.some((c) => c.followUps) ? html`<section class="card">
          <h2>${rt('rates', { month })}</h2>
          <wy-follow-up-rates .items=${this.report.caseTypes.flatMap((c) => (c.followUps ? [c.followUps] : []))}></wy-follow-up-rates>
        </section>` : nothing}
        ${this.report.targets?.length ? html`<section class="card" data-testid="targets-card">
          <h2>${rt('targets', { month })}</h2>
          <p class="muted">${rt('targetsNote')}</p>
          <wy-report-targets .targets=${this.report.targets}></wy-report-targets>
        </section>` : nothing}
        <wy-report-messages .month=${month}></wy-report-messages>
        ${this.#overview(this.report.caseTypes)}
        ${this.report.caseTypes.filter((c) => !isEmpty(c)).map((c) => this.#caseType(c))}
        ${this.#emptyTypes(this.report.caseTypes.filter(isEmpty))}`}
    `;
  }

  /** The case types with nothing this month, on one line instead of a card each. */
  #emptyTypes(types: CaseTypeReport[]) {
    if (!types.length) return nothing;
    return html`<p class="card muted" data-testid="empty-types">${rt('emptyTypes', { types: types.map((c) => loc(c.title)).join('、') })}</p>`;
  }

  /** What the enabled plugins show on this page: each panel's element gets the month and the project. */
  #pluginPanels() {
    if (!this.panelsReady) return nothing;
    const projectId = this.#projectId ? Number(this.#projectId) : null;
    return this.#panels().map((p) => {
      const tag = unsafeStatic(p.tag);
      return staticHtml`<${tag} .month=${this.#month} .projectId=${projectId}></${tag}>`;
    });
  }

  /** Cases per type this month (closed / open): the one comparison a chart shows better than a table. */
  #overview(types: CaseTypeReport[]) {
    const withCases = types.filter((c) => c.cases.total > 0);
    if (withCases.length < 2) return nothing;
    return html`<section class="card" data-testid="overview">
      <h2>${rt('overview')}</h2>
      <div class="overview-chart" style=${styleMap({ '--wy-chart-height': `${Math.max(120, withCases.length * 28 + 50)}px` })}>
        <wy-chart .label=${rt('overview')} .spec=${{
          kind: 'stacked', horizontal: true, labels: withCases.map((c) => loc(c.title)),
          series: [
            { label: rt('closed'), data: withCases.map((c) => c.cases.closed), color: '#2e7d32' },
            { label: rt('open'), data: withCases.map((c) => c.cases.open), color: '#90a4ae' },
          ],
        } satisfies ChartSpec}></wy-chart>
      </div>
    </section>`;
  }

  #caseType(c: CaseTypeReport) {
    const f = c.followUps;
    const kpi = (k: string, v: string | number, cls = '', title = '') => html`<div class="kpi ${cls}" title=${title}><div class="v">${v}</div><div class="k">${k}</div></div>`;
    // every count-by-value breakdown; one with a single value is a fact on one line, not a chart
    const breakdowns: { caption: string; rows: { label: string; count: number }[] }[] = c.cases.total ? [
      { caption: rt('state'), rows: c.byState.map((b) => ({ label: loc(b.label), count: b.count })) },
      ...(c.bySeverity ? [{ caption: loc(c.bySeverity.label), rows: rowsOf(c.bySeverity) }] : []),
      ...c.fields.filter((b) => b.field !== c.bySeverity?.field).map((b) => ({ caption: loc(b.label), rows: rowsOf(b) })),
      ...(c.byProject.length ? [{ caption: rt('project'), rows: c.byProject.map((p) => ({ label: p.name, count: p.count })) }] : []),
    ] : [];
    const facts = breakdowns.filter((b) => b.rows.length === 1);
    const tables = breakdowns.filter((b) => b.rows.length > 1);
    const rateState = !f ? '' : f.met === null ? '' : f.met ? 'ok' : 'bad';
    return html`<section class="card type" data-case-type=${c.caseType}>
      <header><h2>${loc(c.title)}</h2></header>
      <div class="kpis">
        ${kpi(rt('registered'), c.cases.total)}
        ${kpi(rt('closed'), c.cases.closed)}
        ${kpi(rt('open'), c.cases.open)}
        ${kpi(rt('overdue'), c.cases.overdue, c.cases.overdue ? 'bad' : '')}
        ${c.deadlines.total ? kpi(rt('compliance'), percent(c.deadlines.complianceRate)) : nothing}
        ${f && f.due ? html`
          ${kpi(`${rt('followUpRate')}（${rt('required')} ${percent(f.requiredRate)}）`, f.met === null ? rt('notYetDue') : percent(f.rate), rateState)}
          ${f.done ? kpi(rt('satisfaction'), percent(f.satisfactionRate)) : nothing}
          ${f.done ? kpi(rt('onSiteShare'), percent(f.onSiteShare)) : nothing}
          ${kpi(rt('spotChecks'), f.spotChecks, '', f.spotChecksByStaff.map((x) => `${x.name} ${x.count}`).join('、'))}` : nothing}
      </div>
      ${facts.length ? html`<p class="facts" data-testid="facts">${facts.map((b) => html`<span class="fact"><span class="muted">${b.caption}</span> ${b.rows[0]!.label} <b>${b.rows[0]!.count}</b></span>`)}</p>` : nothing}
      ${tables.length || c.deadlines.clocks.length || this.#hasDissatisfaction(c) ? html`<div class="grid">
        ${tables.map((b) => html`<wy-breakdown .caption=${b.caption} .rows=${b.rows}></wy-breakdown>`)}
        ${this.#deadlines(c)}
        ${this.#dissatisfaction(c)}
      </div>` : nothing}
    </section>`;
  }

  #deadlines(c: CaseTypeReport) {
    if (!c.deadlines.clocks.length) return nothing;
    return html`<div class="deadlines" data-testid="deadlines">
      <table>
        <caption>${rt('deadlines')}</caption>
        <thead><tr><th></th><th class="num">${rt('dueInMonth')}</th><th class="num">${rt('metOnTime')}</th><th class="num">${rt('metLate')}</th>
          <th class="num">${rt('overdueOpen')}</th><th class="num">${rt('running')}</th><th class="num">${rt('rate')}</th></tr></thead>
        <tbody>${c.deadlines.clocks.map((k) => html`<tr>
          <th scope="row">${loc(k.title)}</th><td class="num">${k.total}</td><td class="num">${k.metOnTime}</td><td class="num">${k.metLate}</td>
          <td class="num ${k.overdueOpen ? 'bad' : ''}">${k.overdueOpen}</td><td class="num">${k.running}</td><td class="num">${percent(k.complianceRate)}</td>
        </tr>`)}</tbody>
      </table>
    </div>`;
  }

  #hasDissatisfaction(c: CaseTypeReport) {
    return !!(c.dissatisfaction && c.followUps?.done);
  }

  #dissatisfaction(c: CaseTypeReport) {
    const d = c.dissatisfaction;
    if (!d || !c.followUps?.done) return nothing;
    if (!d.unsatisfied) return html`<p class="muted">${rt('noDissatisfaction')}</p>`;
    const main = d.byCaseField.find((b) => b.items.some((i) => i.key !== null)) ?? d.byResultField[0];
    return html`<div data-testid="dissatisfaction">
      ${main ? html`<wy-breakdown tone="bad" .caption=${`${rt('dissatisfaction')} · ${loc(main.label)}`} .rows=${rowsOf(main)}></wy-breakdown>`
        : html`<div class="caption">${rt('dissatisfaction')}</div>`}
      ${d.items.length ? html`<div class="muted">${rt('residentWords')}</div><ul class="words">${d.items.slice(0, 8).map((i) => html`<li>
        <a class="serial" href=${caseHref(c.caseType, i.caseId)}>${i.serial}</a> ${i.texts.map((x) => `${loc(x.label)}：${x.value}`).join('；')}</li>`)}</ul>` : nothing}
    </div>`;
  }
}

const rowsOf = (b: Breakdown) => b.items.map((i) => ({ label: loc(i.label), count: i.count }));

customElements.define('wy-reports-page', WyReportsPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-reports-page': WyReportsPage;
  }
}
