import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { api } from '../api.js';
import { I18nController } from '../i18n.js';
import { base } from '../styles.js';
import { messageTemplates, templateTitle, type MessageTemplateInfo } from './message-words.js';
import { rmt } from './resident-messages-i18n.js';

type Counts = Partial<Record<'sent' | 'failed' | 'suppressed' | 'queued' | 'deferred', number>>;
interface MonthlyMessages { month: string; totals: Counts; templates: { template: string; counts: Counts }[] }

/** The columns, in the order a supervisor reads them: what went out, what did not, what still waits. */
const STATUSES = ['sent', 'failed', 'suppressed', 'queued', 'deferred'] as const;

/**
 * 统计's 短信与微信 panel: the month's messages to residents per message (its title), counted by
 * delivery result. Shown only when the month has any.
 */
export class WyReportMessages extends LitElement {
  static override properties = { month: {}, data: { state: true }, titles: { state: true } };
  static override styles = [base, css`
    table { width: 100%; margin: 0; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    /* a message's title is a few words: it keeps a readable width and the count columns give way */
    td.title { white-space: normal; min-width: 7em; }
    @media (max-width: 700px) { th, td { padding-left: 4px; padding-right: 4px; } }
    tfoot td { font-weight: 600; }
    .failed { color: var(--wy-danger); }
    .wrap { overflow-x: auto; margin-top: 8px; }
    summary { cursor: pointer; display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 16px; }
    summary h2 { display: inline; margin: 0; }
    /* flex drops the native marker: draw one, so the line reads as something that opens */
    summary::before { content: '▸'; color: var(--wy-muted, #666); }
    details[open] > summary::before { content: '▾'; }
    .totals { display: inline-flex; flex-wrap: wrap; gap: 4px 12px; font-variant-numeric: tabular-nums; }
  `];

  declare month: string;
  declare data: MonthlyMessages | null;
  declare titles: Map<string, MessageTemplateInfo> | null;

  constructor() {
    super();
    new I18nController(this);
    this.month = '';
    this.data = null;
    this.titles = null;
  }

  override updated(changed: PropertyValues<this>) {
    if (changed.has('month') && this.month) void this.#load(this.month);
  }

  async #load(month: string) {
    const [data, titles] = await Promise.all([
      api.get<MonthlyMessages>('/api/reports/monthly/messages', { month }),
      messageTemplates().catch(() => null),
    ]);
    if (month !== this.month) return;
    this.data = data;
    this.titles = titles;
  }

  override render() {
    const rows = this.data?.templates ?? [];
    if (rows.length === 0) return nothing;
    const cell = (c: Counts, s: (typeof STATUSES)[number]) => html`<td class="num ${s === 'failed' && c[s] ? 'failed' : ''}">${c[s] ?? 0}</td>`;
    const totals = this.data!.totals;
    // one line of totals; the per-message table opens on demand (统计 stays about three screens),
    // and opens by itself when something failed, which is what a supervisor has to act on
    return html`<details class="card" data-testid="report-messages" ?open=${Boolean(totals.failed)}>
      <summary><h2>${rmt('reportTitle', { month: this.month })}</h2>
        <span class="totals">${STATUSES.filter((s) => totals[s]).map((s) => html`<span class=${s === 'failed' ? 'failed' : ''}>${rmt(`status_${s}`)} ${totals[s]}</span>`)}</span>
      </summary>
      <div class="wrap"><table>
        <thead><tr><th>${rmt('template')}</th>${STATUSES.map((s) => html`<th class="num">${rmt(`status_${s}`)}</th>`)}</tr></thead>
        <tbody>${rows.map((r) => html`<tr><td class="title">${templateTitle(this.titles, r.template)}</td>${STATUSES.map((s) => cell(r.counts, s))}</tr>`)}</tbody>
        <tfoot><tr><td>${rmt('reportTotal')}</td>${STATUSES.map((s) => cell(this.data!.totals, s))}</tr></tfoot>
      </table></div>
    </details>`;
  }
}

customElements.define('wy-report-messages', WyReportMessages);
