/**
 * 短信与微信记录 of one household (GET /api/units/:id/messages, newest first): shown in the
 * household archive for everyone who may read the archive.
 */
import { LitElement, css, html, type PropertyValues } from 'lit';
import { api, ApiError } from '../api.js';
import { I18nController, t } from '../i18n.js';
import { base } from '../styles.js';
import { rmt } from './resident-messages-i18n.js';
import { messageTemplates, type MessageTemplateInfo, type ResidentMessage } from './message-words.js';
import { messageList, messageListStyles } from './message-list.js';

const SHOWN = 20;

export class WyMessageLog extends LitElement {
  static override properties = { unitId: { type: Number }, items: { state: true }, titles: { state: true }, error: { state: true }, all: { state: true } };
  static override styles = [base, messageListStyles, css`:host { display: block; } .muted { color: var(--wy-muted); }`];

  declare unitId: number;
  declare items: ResidentMessage[] | null;
  declare titles: Map<string, MessageTemplateInfo> | null;
  declare error: string;
  declare all: boolean;

  constructor() {
    super();
    new I18nController(this);
    this.unitId = 0;
    this.items = null;
    this.titles = null;
    this.error = '';
    this.all = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('unitId') && this.unitId) void this.#load();
  }

  async #load() {
    try {
      const [page, titles] = await Promise.all([api.get<{ items: ResidentMessage[] }>(`/api/units/${this.unitId}/messages`), messageTemplates().catch(() => null)]);
      this.items = page.items;
      this.titles = titles;
      this.error = '';
    } catch (e) {
      this.error = e instanceof ApiError && e.status !== 0 ? e.message : t('networkError');
    }
  }

  override render() {
    const items = this.items;
    return html`<section class="card" aria-labelledby="message-log-title" data-testid="message-log">
      <h2 id="message-log-title">${rmt('logTitle')}</h2>
      ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>`
        : !items ? html`<p role="status">${t('loading')}</p>`
        : items.length === 0 ? html`<p class="muted">${rmt('logEmpty')}</p>`
        : html`${messageList(this.all ? items : items.slice(0, SHOWN), this.titles)}
          ${items.length > SHOWN && !this.all ? html`<button type="button" @click=${() => { this.all = true; }}>${rmt('showAll', { n: items.length })}</button>` : null}`}
    </section>`;
  }
}

customElements.define('wy-message-log', WyMessageLog);

declare global {
  interface HTMLElementTagNameMap {
    'wy-message-log': WyMessageLog;
  }
}
