/**
 * 未送达的短信与微信: failed messages, those waiting for a retry and those deferred by quiet hours
 * (GET /api/messages/undelivered), for supervisors on the 通知 page; filter by status.
 */
import { LitElement, css, html } from 'lit';
import { api, ApiError } from '../api.js';
import { I18nController, t } from '../i18n.js';
import { base } from '../styles.js';
import { rmt } from './resident-messages-i18n.js';
import { messageTemplates, type MessageTemplateInfo, type ResidentMessage } from './message-words.js';
import { messageList, messageListStyles } from './message-list.js';

const FILTERS = ['', 'failed', 'queued', 'deferred'] as const;

export class WyUndeliveredMessages extends LitElement {
  static override properties = { items: { state: true }, titles: { state: true }, error: { state: true }, status: { state: true } };
  static override styles = [base, messageListStyles, css`
    :host { display: block; margin-top: 20px; }
    .head { display: flex; gap: 8px 12px; align-items: center; flex-wrap: wrap; }
    .head h2 { margin: 0; flex: 1 1 auto; font-size: 16px; }
    .hint { color: var(--wy-muted); font-size: 13px; margin: 4px 0 0; }
  `];

  declare items: ResidentMessage[] | null;
  declare titles: Map<string, MessageTemplateInfo> | null;
  declare error: string;
  declare status: (typeof FILTERS)[number];

  constructor() {
    super();
    new I18nController(this);
    this.items = null;
    this.titles = null;
    this.error = '';
    this.status = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    try {
      const [page, titles] = await Promise.all([api.get<{ items: ResidentMessage[] }>('/api/messages/undelivered', { status: this.status || undefined }), messageTemplates().catch(() => null)]);
      this.items = page.items;
      this.titles = titles;
      this.error = '';
    } catch (e) {
      this.error = e instanceof ApiError && e.status !== 0 ? e.message : t('networkError');
    }
  }

  override render() {
    return html`<section class="card" aria-labelledby="undelivered-title" data-testid="undelivered-messages">
      <div class="head">
        <h2 id="undelivered-title">${rmt('undeliveredTitle')}</h2>
        <label>${rmt('statusFilter')}
          <select @change=${(e: Event) => { this.status = (e.target as HTMLSelectElement).value as typeof this.status; void this.#load(); }}>
            ${FILTERS.map((f) => html`<option value=${f} ?selected=${this.status === f}>${f ? rmt(`status_${f}`) : rmt('all')}</option>`)}
          </select>
        </label>
      </div>
      <p class="hint">${rmt('undeliveredHint')}</p>
      ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>`
        : !this.items ? html`<p role="status">${t('loading')}</p>`
        : this.items.length === 0 ? html`<p class="hint">${rmt('undeliveredEmpty')}</p>`
        : messageList(this.items, this.titles, true)}
    </section>`;
  }
}

customElements.define('wy-undelivered-messages', WyUndeliveredMessages);

declare global {
  interface HTMLElementTagNameMap {
    'wy-undelivered-messages': WyUndeliveredMessages;
  }
}
