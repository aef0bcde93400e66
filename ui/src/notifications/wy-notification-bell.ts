/** The bell in the header: the unread count, live; it opens the 通知 page. */
import { LitElement, css, html } from 'lit';
import { I18nController } from '../i18n.js';
import { href } from '../router.js';
import { nt } from './notifications-i18n.js';
import { onUnread } from './unread-feed.js';

export class WyNotificationBell extends LitElement {
  static override properties = { unread: { state: true } };

  static override styles = css`
    :host { display: inline-flex; }
    a {
      position: relative; display: inline-flex; align-items: center; justify-content: center;
      width: 36px; height: 36px; border-radius: 50%; color: #fff; text-decoration: none;
    }
    a:hover, a:focus-visible { background: rgb(255 255 255 / 0.15); }
    svg { width: 20px; height: 20px; }
    .count {
      position: absolute; top: 1px; right: 0; min-width: 18px; height: 18px; padding: 0 5px; box-sizing: border-box;
      border-radius: 9px; background: #e5484d; color: #fff; font-size: 11px; font-weight: 600; line-height: 18px; text-align: center;
    }
  `;

  declare unread: number;
  #stop: (() => void) | null = null;

  constructor() {
    super();
    new I18nController(this);
    this.unread = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stop = onUnread((n) => { this.unread = n; });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop?.();
    this.#stop = null;
  }

  override render() {
    const label = this.unread > 0 ? nt('bellUnread', { count: this.unread }) : nt('bell');
    return html`<a href=${href('/notifications')} aria-label=${label} title=${label} data-testid="notification-bell">
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9"></path><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0"></path>
      </svg>
      ${this.unread > 0 ? html`<span class="count" data-testid="notification-count" aria-hidden="true">${this.unread > 99 ? '99+' : this.unread}</span>` : null}
    </a>`;
  }
}

customElements.define('wy-notification-bell', WyNotificationBell);

declare global {
  interface HTMLElementTagNameMap {
    'wy-notification-bell': WyNotificationBell;
  }
}
