import { LitElement, css, html } from 'lit';
import { roleTitle } from '../app-state.js';
import { formatDateTime } from '../format.js';
import { I18nController, loc, t } from '../i18n.js';
import { base } from '../styles.js';
import type { DeadlineView } from '../types.js';
import './wy-countdown.js';

/** A case's deadline clocks: what must be done, by when, and whether it ran over. */
export class WyCaseDeadlines extends LitElement {
  static override properties = { deadlines: { attribute: false } };

  static override styles = [base, css`
    :host { display: block; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
    li { display: grid; grid-template-columns: 1fr auto; gap: 2px 12px; padding: 6px 10px; border-radius: var(--wy-radius); background: #fafbfc; border: 1px solid var(--wy-border); }
    li.late { border-color: var(--wy-danger); background: var(--wy-danger-light); }
    li.done { opacity: 0.75; }
    .when { grid-column: 1 / -1; font-size: 12px; }
    .gap { grid-column: 1 / -1; font-size: 12px; color: var(--wy-warn); }
  `];

  declare deadlines: DeadlineView[];

  constructor() {
    super();
    new I18nController(this);
    this.deadlines = [];
  }

  override render() {
    if (!this.deadlines.length) return html`<p class="muted">${t('none')}</p>`;
    return html`<ul>
      ${this.deadlines.map((d) => {
        const open = !d.metAt && (d.status === 'running' || d.status === 'overdue' || d.status === 'paused');
        const overdue = open && d.status !== 'paused' && (d.status === 'overdue' || Date.parse(d.dueAt) < Date.now());
        return html`<li class=${overdue ? 'late' : open ? '' : 'done'} data-deadline=${d.key}>
          <span>${loc(d.title) || d.key}</span>
          <wy-countdown .due=${d.dueAt} .status=${d.status} .metAt=${d.metAt}></wy-countdown>
          <span class="when muted">${t('dueAt', { t: formatDateTime(d.dueAt) })} · ${t('deadlineStarted', { t: formatDateTime(d.startedAt) })}${d.escalatedToRole ? html` · <strong class="overdue">${t('escalatedTo', { role: roleTitle(d.escalatedToRole) })}</strong>` : null}</span>
          ${d.calendarGapYears?.length && open ? html`<span class="gap" role="note">${t('calendarGap', { years: d.calendarGapYears.join('、') })}</span>` : null}
        </li>`;
      })}
    </ul>`;
  }
}

customElements.define('wy-case-deadlines', WyCaseDeadlines);

declare global {
  interface HTMLElementTagNameMap {
    'wy-case-deadlines': WyCaseDeadlines;
  }
}
