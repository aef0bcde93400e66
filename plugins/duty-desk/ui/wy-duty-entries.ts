/** A duty shift's log entries on its case page: time, kind, what happened, the action, who recorded it. */
import { LitElement, css, html, nothing } from 'lit';
import { api, base, formatDateTime, I18nController } from '../../../ui/src/plugin-ui-api.js';
import type { DutyEntryRow } from '../effects.js';
import { dt, type DutyKey } from './duty-i18n.js';

export class WyDutyEntries extends LitElement {
  static override properties = { caseType: { attribute: false }, caseId: { attribute: false }, entries: { state: true } };
  static override styles = [base, css`
    :host { display: block; }
    ol { list-style: none; padding: 0; margin: 0; }
    li { border-bottom: 1px solid var(--wy-border); padding: 6px 0; }
    .when { color: var(--wy-muted); font-size: 13px; }
    .kind { font-weight: 600; margin-right: 6px; }
    .kind.incident { color: var(--wy-danger); }
  `];
  declare caseType: string;
  declare caseId: number;
  declare entries: DutyEntryRow[] | null;

  constructor() {
    super();
    new I18nController(this);
    this.entries = null;
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('caseId') && this.caseId) void this.#load();
  }

  async #load(): Promise<void> {
    const detail = await api.get<{ data: Record<string, unknown>; version: number }>(`/api/cases/${this.caseType}/${this.caseId}`);
    this.entries = Array.isArray(detail.data.entries) ? (detail.data.entries as DutyEntryRow[]) : [];
  }

  override render() {
    if (!this.entries) return nothing;
    return html`<section class="card"><h3>${dt('entriesTitle')}</h3>
      ${this.entries.length ? html`<ol>${this.entries.map((e) => html`<li>
        <div class="when">${formatDateTime(e.time)}${e.recordedBy ? html` · ${dt('recordedBy', { name: e.recordedBy })}` : nothing}</div>
        <div><span class="kind ${e.kind}">${dt(`kind_${e.kind}` as DutyKey)}</span>${e.content}</div>
        ${e.action ? html`<div>→ ${e.action}</div>` : nothing}
        ${e.caseSerial ? html`<div class="when">${dt('relatedCase', { serial: e.caseSerial })}</div>` : nothing}
      </li>`)}</ol>` : html`<p class="muted">${dt('noEntries')}</p>`}
    </section>`;
  }
}
customElements.define('wy-duty-entries', WyDutyEntries);
