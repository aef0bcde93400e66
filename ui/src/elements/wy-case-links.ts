import { LitElement, css, html, type PropertyValues } from 'lit';
import { api, ApiError } from '../api.js';
import { I18nController, loc, t } from '../i18n.js';
import { formatDateTime } from '../format.js';
import { href } from '../router.js';
import { base } from '../styles.js';
import type { CaseLinkView } from '../../../core/http/api-types.js';
import { lt } from './case-links-i18n.js';

/**
 * 关联工单: the cases this one was converted into or handed on to, and those it came from — each
 * with its type, serial (a link to it), state, the reason and who converted it. Reloads when
 * `version` changes (after a step on the case page).
 */
export class WyCaseLinks extends LitElement {
  static override properties = {
    caseType: { type: String },
    caseId: { type: Number },
    version: { type: Number },
    items: { state: true },
    error: { state: true },
  };

  static override styles = [base, css`
    :host { display: block; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; }
    li { border-left: 3px solid var(--wy-primary, #2563eb); padding: 2px 0 2px 10px; }
    li.final { border-left-color: var(--wy-border, #cbd5e1); }
    .kind { font-size: 0.85em; color: var(--wy-muted, #64748b); }
    .main { display: flex; flex-wrap: wrap; gap: 6px; align-items: baseline; }
    .serial { font-weight: 600; }
    .badge { font-size: 0.85em; }
    .sub { font-size: 0.85em; color: var(--wy-muted, #64748b); }
  `];

  declare caseType: string;
  declare caseId: number;
  declare version: number;
  declare items: CaseLinkView[] | null;
  declare error: string;
  #seq = 0;

  constructor() {
    super();
    new I18nController(this);
    this.caseType = '';
    this.caseId = 0;
    this.version = 0;
    this.items = null;
    this.error = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('caseType') || changed.has('caseId') || changed.has('version')) void this.reload();
  }

  async reload(): Promise<void> {
    if (!this.caseType || !this.caseId) return;
    const seq = ++this.#seq;
    try {
      const res = await api.get<{ items: CaseLinkView[] }>(`/api/cases/${this.caseType}/${this.caseId}/links`);
      if (seq !== this.#seq) return;
      this.items = res.items;
      this.error = '';
    } catch (err) {
      if (seq !== this.#seq) return;
      this.error = err instanceof ApiError && err.status !== 0 ? err.message : t('networkError');
    }
  }

  override render() {
    if (this.error) return html`<div class="error-box" role="alert">${this.error}</div>`;
    if (!this.items) return html`<p class="muted" role="status">${t('loading')}</p>`;
    if (!this.items.length) return html`<p class="muted">${lt('linksNone')}</p>`;
    return html`<ul>${this.items.map((l) => html`<li class=${l.final ? 'final' : ''} data-link=${l.kind}>
      <div class="kind">${lt(`kind_${l.kind}`)} · ${loc(l.caseTypeTitle)}</div>
      <div class="main">
        <a class="serial" href=${href(`/cases/${l.caseType}/${l.id}`)}>${l.serial}</a>
        <span class="badge">${loc(l.stateTitle)}</span>
      </div>
      ${l.title ? html`<div>${l.title}</div>` : null}
      ${l.reason ? html`<div class="sub">${lt('reason', { reason: l.reason })}</div>` : null}
      <div class="sub">${lt('by', { name: l.actorName ?? '', time: formatDateTime(l.createdAt) })}</div>
      ${l.kind === 'handedTo' ? html`<div class="sub">${l.resolvedAt ? lt('resolved', { time: formatDateTime(l.resolvedAt) }) : lt('waiting')}</div>` : null}
    </li>`)}</ul>`;
  }
}

customElements.define('wy-case-links', WyCaseLinks);

declare global {
  interface HTMLElementTagNameMap {
    'wy-case-links': WyCaseLinks;
  }
}
