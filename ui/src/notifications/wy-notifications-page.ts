/**
 * 通知: my notifications, newest first (more on demand), unread ones marked; opening one marks it
 * read and opens its case. Below, which kinds I get, and for supervisors the messages to residents
 * that were not delivered. The list reloads when the live count changes.
 */
import { LitElement, css, html } from 'lit';
import { api, ApiError } from '../api.js';
import { caseTypeTitle } from '../app-state.js';
import { formatDateTime } from '../format.js';
import { I18nController, t } from '../i18n.js';
import { caseHref, navigate } from '../router.js';
import { base } from '../styles.js';
import { nt } from './notifications-i18n.js';
import { detailLine, KINDS, kindLabel, type NotificationItem } from './notification-text.js';
import { onUnread, setUnread } from './unread-feed.js';
import { userHasPermission } from '../permissions.js';

interface Page { items: NotificationItem[]; nextCursor: string | null; unread: number }
type Kinds = Record<(typeof KINDS)[number], boolean>;

const PAGE = 30;

export class WyNotificationsPage extends LitElement {
  static override properties = {
    items: { state: true },
    next: { state: true },
    unreadOnly: { state: true },
    kinds: { state: true },
    saved: { state: true },
    error: { state: true },
    loading: { state: true },
  };

  static override styles = [base, css`
    :host { display: block; max-width: 820px; }
    .bar { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin-bottom: 12px; }
    .bar button { margin-left: auto; }
    ul.list { list-style: none; margin: 0 0 12px; padding: 0; border: 1px solid var(--wy-border); border-radius: var(--wy-radius); background: #fff; }
    ul.list li + li { border-top: 1px solid var(--wy-border); }
    a.item { display: grid; grid-template-columns: auto 1fr auto; gap: 4px 12px; padding: 10px 14px; color: inherit; text-decoration: none; }
    a.item:hover, a.item:focus-visible { background: var(--wy-primary-light); }
    .dot { width: 8px; height: 8px; border-radius: 50%; margin-top: 7px; background: transparent; }
    .unread .dot { background: var(--wy-danger); }
    .unread .head { font-weight: 600; }
    .kind { display: inline-block; font-size: 12px; padding: 1px 6px; border-radius: 4px; background: var(--wy-primary-light); color: var(--wy-primary-dark); margin-right: 6px; }
    .kind.overdue, .kind.escalatedToMe { background: var(--wy-danger-light); color: var(--wy-danger); }
    .head { overflow-wrap: anywhere; }
    .sub { grid-column: 2 / 4; color: var(--wy-muted); font-size: 13px; overflow-wrap: anywhere; }
    time { color: var(--wy-muted); font-size: 12px; white-space: nowrap; }
    fieldset { border: 1px solid var(--wy-border); border-radius: var(--wy-radius); background: #fff; padding: 12px 14px; margin-top: 20px; }
    legend { font-weight: 600; padding: 0 4px; }
    .kinds { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 8px 16px; margin: 8px 0 12px; }
    .kinds label { min-height: 32px; }
    .hint { color: var(--wy-muted); font-size: 13px; margin: 0; }
    @media (max-width: 640px) {
      a.item { grid-template-columns: auto 1fr; }
      time { grid-column: 2; }
      .sub { grid-column: 2; }
    }
  `];

  declare items: NotificationItem[];
  declare next: string | null;
  declare unreadOnly: boolean;
  declare kinds: Kinds | null;
  declare saved: boolean;
  declare error: string;
  declare loading: boolean;
  #stop: (() => void) | null = null;
  #lastCount = -1;

  constructor() {
    super();
    new I18nController(this);
    this.items = [];
    this.next = null;
    this.unreadOnly = false;
    this.kinds = null;
    this.saved = false;
    this.error = '';
    this.loading = true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
    void api.get<{ kinds: Kinds }>('/api/notifications/preferences').then((r) => { this.kinds = r.kinds; }, (e: unknown) => this.#fail(e));
    // a new count from the stream: show what came (the first call only reports the current count)
    this.#stop = onUnread((n) => {
      if (this.#lastCount !== -1 && n !== this.#lastCount) void this.#load();
      this.#lastCount = n;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop?.();
  }

  /** supervisors who send notices, and the configuration's readers, see the messages residents did not get */
  get #seesUndelivered(): boolean {
    const sees = ['messages.notice', 'config.view', 'config.edit'].some((p) => userHasPermission(p));
    if (sees && !customElements.get('wy-undelivered-messages')) void import('../resident-messages/wy-undelivered-messages.js');
    return sees;
  }

  #fail(e: unknown) {
    this.error = e instanceof ApiError && e.status !== 0 ? e.message : t('networkError');
  }

  async #load(more = false) {
    try {
      const page = await api.get<Page>('/api/notifications', { limit: PAGE, unread: this.unreadOnly || undefined, before: more ? this.next : undefined });
      this.items = more ? [...this.items, ...page.items] : page.items;
      this.next = page.nextCursor;
      this.error = '';
    } catch (e) {
      this.#fail(e);
    } finally {
      this.loading = false;
    }
  }

  async #open(e: Event, n: NotificationItem) {
    e.preventDefault();
    if (!n.readAt) {
      try {
        const r = await api.post<{ unread: number }>(`/api/notifications/${n.id}/read`);
        setUnread(r.unread);
      } catch {
        // the case opens anyway; it stays unread
      }
    }
    navigate(caseHref(n.caseType, n.caseId));
  }

  async #markAll() {
    try {
      const r = await api.post<{ unread: number }>('/api/notifications/read-all', this.items[0] ? { upTo: this.items[0].id } : {});
      setUnread(r.unread);
      await this.#load();
    } catch (e) {
      this.#fail(e);
    }
  }

  async #savePrefs(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const kinds = Object.fromEntries(KINDS.map((k) => [k, (form.elements.namedItem(k) as HTMLInputElement).checked])) as Kinds;
    try {
      this.kinds = (await api.put<{ kinds: Kinds }>('/api/notifications/preferences', { kinds })).kinds;
      this.saved = true;
    } catch (err) {
      this.#fail(err);
    }
  }

  override render() {
    return html`
      <h1>${nt('pageTitle')}</h1>
      ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : null}
      <div class="bar">
        <label class="inline"><input type="checkbox" .checked=${this.unreadOnly} @change=${(e: Event) => { this.unreadOnly = (e.target as HTMLInputElement).checked; void this.#load(); }}>${nt('unreadOnly')}</label>
        <button type="button" @click=${this.#markAll} ?disabled=${!this.items.some((n) => !n.readAt)}>${nt('markAllRead')}</button>
      </div>
      ${this.loading ? html`<p role="status">${t('loading')}</p>` : this.items.length === 0 ? html`<p class="hint">${nt('empty')}</p>` : html`
        <ul class="list" data-testid="notification-list">
          ${this.items.map((n) => html`<li class=${n.readAt ? '' : 'unread'}>
            <a class="item" href=${caseHref(n.caseType, n.caseId)} @click=${(e: Event) => this.#open(e, n)} data-notification=${n.id}>
              <span class="dot" aria-label=${n.readAt ? '' : nt('unreadMark')}></span>
              <span class="head"><span class="kind ${n.kind}">${kindLabel(n.kind)}</span>${caseTypeTitle(n.caseType)} ${n.serial}${n.caseTitle ? html` · ${n.caseTitle}` : null}</span>
              <time datetime=${n.createdAt}>${formatDateTime(n.createdAt)}</time>
              <span class="sub">${detailLine(n)}</span>
            </a>
          </li>`)}
        </ul>
        ${this.next ? html`<button type="button" @click=${() => this.#load(true)}>${nt('loadMore')}</button>` : null}
      `}
      ${this.kinds ? html`
        <form @submit=${this.#savePrefs} @change=${() => { this.saved = false; }}>
          <fieldset>
            <legend>${nt('prefsTitle')}</legend>
            <p class="hint">${nt('prefsHint')}</p>
            <div class="kinds">
              ${KINDS.map((k) => html`<label class="inline"><input type="checkbox" name=${k} .checked=${this.kinds![k]}>${kindLabel(k)}</label>`)}
            </div>
            <button type="submit" class="primary">${nt('save')}</button>
            ${this.saved ? html`<span role="status">${nt('prefsSaved')}</span>` : null}
          </fieldset>
        </form>` : null}
      ${this.#seesUndelivered ? html`<wy-undelivered-messages></wy-undelivered-messages>` : null}
    `;
  }
}

customElements.define('wy-notifications-page', WyNotificationsPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-notifications-page': WyNotificationsPage;
  }
}
