import { LitElement, css, html } from 'lit';
import { I18nController, t } from '../i18n.js';
import { countdown, formatDateTime } from '../format.js';
import type { DeadlineStatus } from '../types.js';

const live = new Set<WyCountdown>();
let timer: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  for (const c of live) c.requestUpdate();
}

/**
 * A deadline as staff read it: "剩余 25分钟" or, in red, "逾期 3小时"; a clock that stopped shows
 * whether it was met in time. Re-renders every 30 seconds while connected.
 */
export class WyCountdown extends LitElement {
  static override properties = {
    due: { type: String },
    status: { type: String },
    metAt: { type: String, attribute: 'met-at' },
    overdue: { type: Boolean },
  };

  static override styles = css`
    :host { white-space: nowrap; }
    .overdue { color: #c62828; font-weight: 600; }
    .soon { color: #b26a00; }
    .done { color: #2e7d32; }
    .muted { color: #5f6b7a; }
  `;

  /** ISO due time */
  declare due: string | null;
  /** the deadline row's status; absent for a case's next due time */
  declare status: DeadlineStatus | null;
  declare metAt: string | null;
  /** the server already marked it overdue */
  declare overdue: boolean;

  constructor() {
    super();
    new I18nController(this);
    this.due = null;
    this.status = null;
    this.metAt = null;
    this.overdue = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    live.add(this);
    timer ??= setInterval(tick, 30_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    live.delete(this);
    if (live.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  }

  override render() {
    if (!this.due) return html`<span class="muted">${t('noDeadline')}</span>`;
    const title = t('dueAt', { t: formatDateTime(this.due) });
    if (this.status === 'cancelled') return html`<span class="muted" title=${title}>${t('deadlineCancelled')}</span>`;
    // waiting on the resident or a third party: the clock stands still and its due time moves on resuming
    if (this.status === 'paused') return html`<span class="muted" title=${title}>${t('deadlinePaused')}</span>`;
    if (this.metAt || this.status === 'met') {
      const late = this.status === 'overdue' || (this.metAt != null && new Date(this.metAt) > new Date(this.due));
      return html`<span class=${late ? 'overdue' : 'done'} title=${title}>${late ? t('deadlineMetLate') : t('deadlineMet')}</span>`;
    }
    const c = countdown(this.due);
    const overdue = c.overdue || this.overdue || this.status === 'overdue';
    const soon = !overdue && new Date(this.due).getTime() - Date.now() < 3_600_000;
    return html`<span class=${overdue ? 'overdue' : soon ? 'soon' : ''} title=${title} role="timer">${overdue && !c.overdue ? t('overdueBy', { d: '' }).trim() : c.text}</span>`;
  }
}

customElements.define('wy-countdown', WyCountdown);

declare global {
  interface HTMLElementTagNameMap {
    'wy-countdown': WyCountdown;
  }
}
