/**
 * 个人资料查阅记录: who read or revealed which household's personal data, newest first (privacy.log:
 * supervisors, managers, administrators). `?unitId=` narrows it to one household, `?kind=reveal`
 * to the explicit reveals with their reasons.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { api, ApiError } from '../api.js';
import { projectName } from '../app-state.js';
import { formatDateTime } from '../format.js';
import { I18nController, t } from '../i18n.js';
import { href } from '../router.js';
import { unitLabel } from '../services.js';
import { base } from '../styles.js';
import { at, atOr } from './archive-i18n.js';

interface LogItem {
  id: number; at: string; kind: string; staffName: string | null; unitId: number | null; projectId: number | null; buildingId: number | null; number: string | null;
  personName: string | null; field: string | null; reason: string | null; via: string | null;
}

export class WyReadLogPage extends LitElement {
  static override properties = { query: { attribute: false }, items: { state: true }, next: { state: true }, error: { state: true }, labels: { state: true } };

  static override styles = [base, css`
    :host { display: block; }
    ul { padding: 0; margin: 8px 0 0; }
    li { list-style: none; padding: 8px 0; border-top: 1px solid var(--wy-border); }
    .meta { font-size: 12px; color: var(--wy-muted); }
    .filters { display: flex; gap: 8px; flex-wrap: wrap; margin-bottom: 8px; }
  `];

  declare query: URLSearchParams;
  declare items: LogItem[] | null;
  declare next: number | null;
  declare error: string;
  declare labels: Record<number, string>;

  constructor() {
    super();
    new I18nController(this);
    this.query = new URLSearchParams();
    this.items = null;
    this.next = null;
    this.error = '';
    this.labels = {};
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) void this.#load(false);
  }

  async #load(more: boolean) {
    const q: Record<string, string> = {};
    for (const key of ['unitId', 'kind', 'staffId']) { const v = this.query.get(key); if (v) q[key] = v; }
    if (more && this.next) q.cursor = String(this.next);
    try {
      const page = await api.get<{ items: LogItem[]; nextCursor: number | null }>('/api/registry/read-log', q);
      this.items = more ? [...(this.items ?? []), ...page.items] : page.items;
      this.next = page.nextCursor;
      this.error = '';
      const labels = { ...this.labels };
      for (const i of page.items) {
        if (i.unitId != null && i.buildingId != null && i.number != null && !(i.unitId in labels)) labels[i.unitId] = `${projectName(i.projectId)} ${await unitLabel({ projectId: i.projectId!, buildingId: i.buildingId, number: i.number })}`;
      }
      this.labels = labels;
    } catch (err) {
      this.error = err instanceof ApiError && err.status === 403 ? t('forbidden') : err instanceof ApiError && err.status ? err.message : t('networkError');
    }
  }

  #line(i: LogItem) {
    const what = i.kind === 'reveal' ? `${at('kind_reveal')}：${i.personName ?? ''} ${i.field ? at(i.field) : ''}` : `${at('kind_read')}：${atOr(`via_${i.via}`, i.via?.startsWith('roster:') ? at('via_people') : '')}`;
    const household = i.unitId != null ? html`<a href=${href(`/units/${i.unitId}`)}>${this.labels[i.unitId] ?? i.number ?? ''}</a>` : nothing;
    return html`<li>
      <div><strong>${i.staffName ?? ''}</strong> · ${household} · ${what}</div>
      <div class="meta">${formatDateTime(i.at)}${i.reason ? html` · ${at('reason')}：${i.reason}` : nothing}</div>
    </li>`;
  }

  override render() {
    if (this.error) return html`<div class="card"><div class="error-box" role="alert">${this.error}</div></div>`;
    const unitId = this.query.get('unitId');
    return html`
      <h1>${at('readLog')}</h1>
      <p class="muted">${at('readLogIntro')}</p>
      <div class="filters">
        <a class="button" href=${href(`/read-log${unitId ? `?unitId=${unitId}` : ''}`)} aria-current=${this.query.get('kind') ? 'false' : 'page'}>${at('allKinds')}</a>
        <a class="button" href=${href(`/read-log?kind=reveal${unitId ? `&unitId=${unitId}` : ''}`)} aria-current=${this.query.get('kind') === 'reveal' ? 'page' : 'false'}>${at('kind_reveal')}</a>
      </div>
      <section class="card">
        ${this.items === null ? html`<p role="status">${t('loading')}</p>` : this.items.length ? html`<ul>${this.items.map((i) => this.#line(i))}</ul>` : html`<p class="muted">${at('noReads')}</p>`}
        ${this.next ? html`<button type="button" @click=${() => this.#load(true)}>${at('loadMore')}</button>` : nothing}
      </section>
    `;
  }
}

customElements.define('wy-read-log-page', WyReadLogPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-read-log-page': WyReadLogPage;
  }
}
