import { LitElement, css, html, type PropertyValues } from 'lit';
import { api, ApiError, appState, base, formatDateTime, href, I18nController, loc, stateTitle, TIME_ZONE } from '../../../ui/src/plugin-ui-api.js';
import { dt } from './desk-i18n.js';

const TYPE = 'serviceRequest';
const PAGE = 100;
const MAX_PAGES = 5;
/** States in which the customer still waits for the desk's answer. */
const TO_ANSWER = new Set(['registered', 'done', 'rectifying']);

interface Row {
  id: number;
  serial: string;
  state: string;
  stateTitle: { 'zh-CN': string; en?: string } | null;
  data: Record<string, unknown>;
  nextDueAt: string | null;
  overdue: boolean;
  createdAt: string;
  final: boolean;
}

type Title = { 'zh-CN': string; en?: string };

/** Midnight today in the company's time zone, as an instant. */
function startOfToday(now = new Date()): Date {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    .formatToParts(now).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  const offset = asUtc - Math.floor(now.getTime() / 1000) * 1000;
  return new Date(Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!) - offset);
}

/**
 * 服务台: the front desk's page. A big entry to register a new 服务工作单; today's contacts counted
 * by kind (a chip filters the list); the work orders still waiting for the desk's answer, the most
 * urgent first, with their 15-minute deadline; today's work orders with kind, channel, customer and
 * state, each opening its case page.
 */
export class WyServiceDeskPage extends LitElement {
  static override properties = {
    query: { attribute: false },
    today: { state: true },
    waiting: { state: true },
    kind: { state: true },
    error: { state: true },
    truncated: { state: true },
  };

  static override styles = [base, css`
    :host { display: block; }
    .hero { display: flex; flex-wrap: wrap; align-items: center; gap: 16px; justify-content: space-between; }
    .hero h1 { margin: 0 0 4px; }
    .hero p { margin: 0; }
    a.new {
      display: inline-flex; align-items: center; gap: 10px; padding: 16px 28px; border-radius: 10px; font-size: 1.25rem; font-weight: 600;
      background: var(--wy-primary, #2563eb); color: #fff; text-decoration: none; box-shadow: 0 2px 6px rgb(37 99 235 / 0.35);
    }
    a.new:hover, a.new:focus-visible { filter: brightness(1.08); }
    .plus { font-size: 1.6rem; line-height: 1; }
    .figures { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 12px; }
    .figure { border: 1px solid var(--wy-border, #e2e8f0); border-radius: 8px; padding: 8px 14px; min-width: 96px; }
    .figure strong { display: block; font-size: 1.5rem; }
    .figure.late strong { color: #b91c1c; }
    .chips { display: flex; flex-wrap: wrap; gap: 8px; }
    .chips button { border-radius: 999px; padding: 6px 14px; }
    .chips button[aria-pressed='true'] { background: var(--wy-primary, #2563eb); color: #fff; border-color: var(--wy-primary, #2563eb); }
    .chips .n { font-weight: 700; margin-left: 4px; }
    table { width: 100%; border-collapse: collapse; }
    th, td { text-align: left; padding: 8px 6px; border-bottom: 1px solid var(--wy-border, #e2e8f0); vertical-align: top; }
    th { font-weight: 600; font-size: 0.9em; color: var(--wy-muted, #475569); }
    td.content { max-width: 28em; }
    .late { color: #b91c1c; font-weight: 600; }
    .cards { display: none; list-style: none; padding: 0; margin: 0; }
    .cards li { border: 1px solid var(--wy-border, #e2e8f0); border-radius: 8px; padding: 10px 12px; margin-bottom: 8px; }
    .cards .top { display: flex; justify-content: space-between; gap: 8px; flex-wrap: wrap; }
    .muted { color: var(--wy-muted, #64748b); }
    @media (max-width: 720px) {
      table { display: none; }
      .cards { display: block; }
      a.new { width: 100%; justify-content: center; box-sizing: border-box; }
    }
  `];

  declare query: URLSearchParams;
  declare today: Row[] | null;
  declare waiting: Row[] | null;
  declare kind: string;
  declare error: string;
  declare truncated: boolean;
  #seq = 0;

  constructor() {
    super();
    new I18nController(this);
    this.query = new URLSearchParams();
    this.today = null;
    this.waiting = null;
    this.kind = '';
    this.error = '';
    this.truncated = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) this.kind = this.query.get('kind') ?? '';
  }

  async #all(params: Record<string, string>): Promise<{ rows: Row[]; more: boolean }> {
    const rows: Row[] = [];
    let cursor: number | null = null;
    for (let i = 0; i < MAX_PAGES; i++) {
      const q = new URLSearchParams({ ...params, limit: String(PAGE), ...(cursor ? { cursor: String(cursor) } : {}) });
      const page: { items: Row[]; nextCursor: number | null } = await api.get(`/api/cases/${TYPE}?${q}`);
      rows.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) return { rows, more: false };
    }
    return { rows, more: true };
  }

  async reload(): Promise<void> {
    const seq = ++this.#seq;
    try {
      const [today, open] = await Promise.all([
        this.#all({ createdFrom: startOfToday().toISOString() }),
        this.#all({ open: 'true' }),
      ]);
      if (seq !== this.#seq) return;
      this.today = today.rows;
      this.truncated = today.more;
      this.waiting = open.rows.filter((r) => TO_ANSWER.has(r.state))
        .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.nextDueAt ?? '9').localeCompare(b.nextDueAt ?? '9'));
      this.error = '';
    } catch (err) {
      if (seq !== this.#seq) return;
      this.error = dt('loadError', { message: err instanceof ApiError ? err.message : String(err) });
    }
  }

  #settings(): Record<string, Record<string, { title?: Title }>> {
    const info = appState().caseTypes.find((c) => c.caseType === TYPE) as { settings?: Record<string, unknown> } | undefined;
    return (info?.settings ?? {}) as Record<string, Record<string, { title?: Title }>>;
  }

  #label(setting: 'kinds' | 'channels', code: unknown): string {
    if (typeof code !== 'string') return '';
    return loc(this.#settings()[setting]?.[code]?.title) || code;
  }

  #state(r: Row): string {
    return loc(r.stateTitle) || stateTitle(TYPE, r.state);
  }

  #due(r: Row) {
    if (r.overdue) return html`<span class="late">${dt('overdue')}</span>`;
    return r.nextDueAt ? dt('dueAt', { time: formatDateTime(r.nextDueAt) }) : '';
  }

  #table(rows: Row[], withDue: boolean) {
    return html`
      <table>
        <thead><tr>
          <th>${dt('colTime')}</th><th>${dt('colSerial')}</th><th>${dt('colKind')}</th><th>${dt('colChannel')}</th>
          <th>${dt('colCustomer')}</th><th>${dt('colContent')}</th><th>${withDue ? dt('colDue') : dt('colState')}</th>
        </tr></thead>
        <tbody>${rows.map((r) => html`<tr data-case=${r.id}>
          <td>${formatDateTime(r.createdAt)}</td>
          <td><a href=${href(`/cases/${TYPE}/${r.id}`)}>${r.serial}</a></td>
          <td>${this.#label('kinds', r.data.kind)}</td>
          <td>${this.#label('channels', r.data.channel)}</td>
          <td>${String(r.data.customerName ?? '')}${r.data.contactPhone ? html`<div class="muted">${String(r.data.contactPhone)}</div>` : null}</td>
          <td class="content">${String(r.data.content ?? '')}</td>
          <td>${withDue ? this.#due(r) : this.#state(r)}</td>
        </tr>`)}</tbody>
      </table>
      <ul class="cards">${rows.map((r) => html`<li data-case=${r.id}>
        <div class="top"><a href=${href(`/cases/${TYPE}/${r.id}`)}>${r.serial}</a><span>${this.#label('kinds', r.data.kind)} · ${this.#label('channels', r.data.channel)}</span></div>
        <div>${String(r.data.customerName ?? '')} ${r.data.contactPhone ? html`<span class="muted">${String(r.data.contactPhone)}</span>` : null}</div>
        <div>${String(r.data.content ?? '')}</div>
        <div class="muted">${formatDateTime(r.createdAt)} · ${withDue ? this.#due(r) : this.#state(r)}</div>
      </li>`)}</ul>`;
  }

  override render() {
    const today = this.today ?? [];
    const kinds = Object.entries(this.#settings().kinds ?? {});
    const counts = new Map<string, number>();
    for (const r of today) counts.set(String(r.data.kind), (counts.get(String(r.data.kind)) ?? 0) + 1);
    const shown = this.kind ? today.filter((r) => r.data.kind === this.kind) : today;
    const waiting = this.waiting ?? [];
    const overdue = waiting.filter((r) => r.overdue).length;
    const date = new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }).format(new Date());
    return html`
      <section class="card hero">
        <div>
          <h1>${dt('title')}</h1>
          <p class="muted">${dt('today', { date })}</p>
          <p>${dt('subtitle')}</p>
          <div class="figures">
            <div class="figure"><span>${dt('todayTotal')}</span><strong>${this.today ? today.length : '—'}</strong></div>
            <div class="figure"><span>${dt('openTotal')}</span><strong>${this.waiting ? waiting.length : '—'}</strong></div>
            <div class="figure ${overdue ? 'late' : ''}"><span>${dt('overdueTotal')}</span><strong>${this.waiting ? overdue : '—'}</strong></div>
          </div>
        </div>
        <div>
          <a class="new" href=${href(`/cases/${TYPE}/new`)} data-new-request><span class="plus" aria-hidden="true">＋</span>${dt('newRequest')}</a>
          <p><a href=${href(`/cases/${TYPE}`)}>${dt('allRequests')} ›</a></p>
        </div>
      </section>
      ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : null}
      <section class="card" aria-labelledby="kinds-title">
        <h2 id="kinds-title">${dt('byKind')}</h2>
        <div class="chips" role="group" aria-labelledby="kinds-title">
          <button type="button" aria-pressed=${this.kind === '' ? 'true' : 'false'} @click=${() => { this.kind = ''; }}>${dt('all')}<span class="n">${today.length}</span></button>
          ${kinds.map(([code, entry]) => html`<button type="button" data-kind=${code} aria-pressed=${this.kind === code ? 'true' : 'false'}
            @click=${() => { this.kind = this.kind === code ? '' : code; }}>${loc(entry.title) || code}<span class="n">${counts.get(code) ?? 0}</span></button>`)}
        </div>
      </section>
      <section class="card" aria-labelledby="waiting-title">
        <h2 id="waiting-title">${dt('waiting')}</h2>
        ${this.waiting === null ? html`<p class="muted" role="status">…</p>` : waiting.length ? this.#table(waiting, true) : html`<p class="muted">${dt('waitingNone')}</p>`}
      </section>
      <section class="card" aria-labelledby="today-title">
        <h2 id="today-title">${dt('todayList')}${this.kind ? ` · ${this.#label('kinds', this.kind)}` : ''}</h2>
        ${this.truncated ? html`<p class="muted">${dt('more', { count: today.length })}</p>` : null}
        ${this.today === null ? html`<p class="muted" role="status">…</p>` : shown.length ? this.#table(shown, false) : html`<p class="muted">${dt('todayNone')}</p>`}
      </section>
    `;
  }
}

customElements.define('wy-service-desk-page', WyServiceDeskPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-service-desk-page': WyServiceDeskPage;
  }
}
