import { LitElement, css, html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { base } from '../styles.js';

export interface BreakdownRow { label: string; count: number }

/**
 * One count-by-value breakdown (by state, by a category, by project) as a compact table: a row per
 * value with its count and a bar as wide as its share of the largest — readable at a glance in a
 * few lines, where a full chart per breakdown made the statistics page thousands of pixels long.
 * A breakdown with a single value is not drawn at all: the page shows it as a one-line fact.
 */
export class WyBreakdown extends LitElement {
  static override properties = { caption: {}, rows: { attribute: false }, tone: {} };

  static override styles = [base, css`
    :host { display: block; min-width: 0; }
    table { font-size: 13px; }
    caption { text-align: left; font-weight: 600; font-size: 13px; padding: 0 0 4px; color: #1f2933; }
    th, td { padding: 3px 6px; border-bottom: 1px solid #eef1f4; }
    th { background: none; color: #1f2933; font-weight: 400; white-space: normal; width: 45%; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; width: 3.5em; }
    td.bar { width: 55%; }
    td.bar span { display: block; height: 10px; border-radius: 2px; background: var(--wy-primary); min-width: 2px; }
    :host([tone="bad"]) td.bar span { background: var(--wy-danger); }
  `];

  declare caption: string;
  declare rows: BreakdownRow[];
  declare tone: string;

  constructor() {
    super();
    this.caption = '';
    this.rows = [];
    this.tone = '';
  }

  override render() {
    if (!this.rows.length) return nothing;
    const max = Math.max(1, ...this.rows.map((r) => r.count));
    return html`<table>
      <caption>${this.caption}</caption>
      <tbody>${this.rows.map((r) => html`<tr>
        <th scope="row">${r.label}</th>
        <td class="bar" aria-hidden="true"><span style=${styleMap({ width: `${Math.round((r.count / max) * 100)}%` })}></span></td>
        <td class="num">${r.count}</td>
      </tr>`)}</tbody>
    </table>`;
  }
}

customElements.define('wy-breakdown', WyBreakdown);

declare global {
  interface HTMLElementTagNameMap {
    'wy-breakdown': WyBreakdown;
  }
}
