import { LitElement, css, html, type PropertyValues } from 'lit';
import { api, ApiError } from '../api.js';
import { caseTypeInfo, caseTypeTitle } from '../app-state.js';
import { dayStartIso, nextDayStartIso } from '../format.js';
import { I18nController, t } from '../i18n.js';
import { href, navigate } from '../router.js';
import { base } from '../styles.js';
import type { CaseView } from '../types.js';
import { FILTER_KEYS, type CaseFilters } from './wy-case-filters.js';
import './wy-case-filters.js';
import './wy-case-table.js';

const PAGE_SIZE = 20;

/**
 * The cases of one type: filters, search, keyset pages (next by cursor, back through the trail of
 * cursors kept in the route; no total count), and "register" when the user may create one.
 */
export class WyCaseListPage extends LitElement {
  static override properties = {
    caseType: { type: String },
    query: { attribute: false },
    items: { state: true },
    nextCursor: { state: true },
    loading: { state: true },
    error: { state: true },
  };

  static override styles = [base, css`
    :host { display: block; }
    .toolbar h1 { margin: 0; }
    .pager { display: flex; gap: 8px; align-items: center; justify-content: flex-end; margin-top: 12px; }
  `];

  declare caseType: string;
  declare query: URLSearchParams;
  declare items: CaseView[];
  declare nextCursor: number | null;
  declare loading: boolean;
  declare error: string;
  #abort: AbortController | undefined;

  constructor() {
    super();
    new I18nController(this);
    this.caseType = '';
    this.query = new URLSearchParams();
    this.items = [];
    this.nextCursor = null;
    this.loading = true;
    this.error = '';
  }

  #filtersOf: { query: URLSearchParams; filters: CaseFilters } | undefined;

  /** the route's filters; the same object while the route is the same, so the filter bar keeps its edits */
  get #filters(): CaseFilters {
    if (this.#filtersOf?.query !== this.query) {
      const filters: CaseFilters = {};
      for (const k of FILTER_KEYS) {
        const v = this.query.get(k);
        if (v) filters[k] = v;
      }
      this.#filtersOf = { query: this.query, filters };
    }
    return this.#filtersOf.filters;
  }

  /** cursors of the pages before this one ('0' = the first page) */
  get #trail(): string[] {
    const raw = this.query.get('trail');
    return raw === null ? [] : raw.split(',');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('caseType') || changed.has('query')) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  async #load() {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const f = this.#filters;
    this.loading = true;
    try {
      const res = await api.get<{ items: CaseView[]; nextCursor: number | null }>(`/api/cases/${this.caseType}`, {
        q: f.q, state: f.state, projectId: f.projectId, buildingId: f.buildingId,
        assigneeId: f.mine ? 'me' : undefined, overdue: f.overdue ? true : undefined, open: f.open ? true : undefined,
        createdFrom: f.from ? dayStartIso(f.from) : undefined, createdTo: f.to ? nextDayStartIso(f.to) : undefined,
        cursor: this.query.get('cursor') ?? undefined, limit: PAGE_SIZE,
      }, { signal: abort.signal });
      this.items = res.items;
      this.nextCursor = res.nextCursor ?? null;
      this.error = '';
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      this.items = [];
      this.nextCursor = null;
      this.error = err instanceof ApiError && err.status ? (err.issues[0]?.message ?? err.message) : t('networkError');
    }
    if (abort === this.#abort) this.loading = false;
  }

  #go(filters: CaseFilters, cursor?: string, trail?: string[]) {
    navigate(href(`/cases/${this.caseType}`, { ...filters, cursor, trail: trail?.length ? trail.join(',') : undefined }));
  }

  #next() {
    if (this.nextCursor === null) return;
    this.#go(this.#filters, String(this.nextCursor), [...this.#trail, this.query.get('cursor') ?? '0']);
  }

  #prev() {
    const trail = this.#trail;
    const prev = trail.pop();
    this.#go(this.#filters, prev && prev !== '0' ? prev : undefined, trail);
  }

  override render() {
    const info = caseTypeInfo(this.caseType);
    const title = caseTypeTitle(this.caseType);
    const page = this.#trail.length + 1;
    return html`
      <div class="toolbar">
        <h1>${t('listTitle', { type: title })}</h1>
        <span class="spacer"></span>
        ${info?.canCreate ? html`<a class="button primary" href=${href(`/cases/${this.caseType}/new`)}>${t('registerType', { type: title })}</a>` : null}
      </div>
      <div class="card">
        <wy-case-filters case-type=${this.caseType} .value=${this.#filters} @wy-filter=${(e: CustomEvent<CaseFilters>) => this.#go(e.detail)}></wy-case-filters>
      </div>
      <section class="card" aria-busy=${this.loading ? 'true' : 'false'} aria-label=${title}>
        ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : null}
        ${this.loading && !this.items.length ? html`<p role="status">${t('loading')}</p>` : html`<wy-case-table .items=${this.items} caption=${title}></wy-case-table>`}
        <div class="pager">
          <span class="muted">${t('pageN', { n: page })}</span>
          ${page > 1 ? html`<button type="button" @click=${() => this.#go(this.#filters)}>${t('firstPage')}</button>` : null}
          <button type="button" ?disabled=${page === 1} @click=${this.#prev}>‹ ${t('prevPage')}</button>
          <button type="button" ?disabled=${this.nextCursor === null} @click=${this.#next}>${t('nextPage')} ›</button>
        </div>
      </section>
    `;
  }
}

customElements.define('wy-case-list-page', WyCaseListPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-case-list-page': WyCaseListPage;
  }
}
