import { LitElement, css, html, nothing } from 'lit';
import { I18nController, loc } from '../i18n.js';
import { base } from '../styles.js';
import type { MonthlyReport } from './report-types.js';
import { percent, rt } from './reports-i18n.js';

type Target = MonthlyReport['targets'][number];
type Row = Target['rows'][number];

/** "客服经理、总物业经理 · 全部类型" / "投诉" — what a target counts, in words. */
function scope(t: Target): string {
  const types = t.caseTypes ? t.caseTypes.map((c) => loc(c.title)).join('、') : rt('allTypes');
  if (t.kind === 'onSiteShare') return types;
  return rt('scopePeople', { roles: t.roles.map((r) => loc(r.title)).join('、'), types });
}

const minText = (t: Target) => (t.kind === 'onSiteShare' ? rt('atLeastShare', { p: percent(t.min) }) : rt('atLeastCount', { n: t.min }));
const actualText = (t: Target, r: Row) => (t.kind === 'onSiteShare'
  ? (r.base ? rt('onSiteOf', { p: percent(r.actual as string | null), count: r.count ?? 0, base: r.base }) : '—')
  : rt('countN', { n: r.actual ?? 0 }));
const who = (r: Row) => r.name ?? (r.caseTypeTitle ? loc(r.caseTypeTitle) : '');

/**
 * 目标达成: each of the company's targets (reports.targets) with one line per person (spot checks,
 * follow-ups done) or per case type (on-site share): actual against the target, 达标 / 未达标.
 */
export class WyReportTargets extends LitElement {
  static override properties = { targets: { attribute: false } };
  static override styles = [base, css`
    :host { display: block; overflow-x: auto; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .ok { color: var(--wy-ok); font-weight: 600; }
    .bad { color: var(--wy-danger); font-weight: 600; }
    tbody.target th[scope="rowgroup"] { background: var(--wy-bg, #f5f7fa); text-align: left; }
    tbody.target th[scope="rowgroup"], .scope { white-space: normal; overflow-wrap: anywhere; }
    .scope { display: block; font-size: 12px; font-weight: 400; color: var(--wy-muted); }
    td[data-cell="result"] { white-space: nowrap; }
    /* a phone: per target a heading, then one line per person: name, actual, result */
    @media (max-width: 700px) {
      thead { display: none; }
      tr { display: grid; grid-template-columns: minmax(0, 1.4fr) minmax(0, 1fr) auto; gap: 2px 8px; padding: 6px 0; border-bottom: 1px solid var(--wy-border); }
      th, td { border: none; padding: 0; background: none; min-width: 0; }
      th[scope="rowgroup"] { background: var(--wy-bg, #f5f7fa); padding: 6px 4px; }
      th[scope="rowgroup"] { grid-column: 1 / -1; font-size: 15px; }
      td.min { display: none; }
      td.num { text-align: left; }
    }
  `];

  declare targets: Target[];

  constructor() {
    super();
    new I18nController(this);
    this.targets = [];
  }

  override render() {
    if (!this.targets.length) return nothing;
    return html`<table data-testid="report-targets">
      <thead><tr>
        <th scope="col">${rt('colWho')}</th><th scope="col" class="num">${rt('colActual')}</th><th scope="col" class="num min">${rt('colMin')}</th><th scope="col">${rt('colResult')}</th>
      </tr></thead>
      ${this.targets.map((t) => html`<tbody class="target" data-target=${t.id}>
        <tr><th scope="rowgroup" colspan="4">${loc(t.title)}<span class="scope">${scope(t)} · ${minText(t)}</span></th></tr>
        ${t.rows.length ? t.rows.map((r) => html`<tr data-staff-id=${r.staffId ?? nothing} data-case-type=${r.caseType ?? nothing}>
          <td>${who(r)}</td>
          <td class="num">${actualText(t, r)}</td>
          <td class="num min">${t.kind === 'onSiteShare' ? percent(t.min) : rt('countN', { n: t.min })}</td>
          <td class=${r.met === null ? 'muted' : r.met ? 'ok' : 'bad'} data-cell="result">${rt(r.met === null ? 'targetNotJudged' : r.met ? 'targetMet' : 'targetNotMet')}</td>
        </tr>`) : html`<tr><td colspan="4" class="muted">${rt(t.kind === 'onSiteShare' ? 'noTargetRows' : 'noMembers')}</td></tr>`}
      </tbody>`)}
    </table>`;
  }
}

customElements.define('wy-report-targets', WyReportTargets);

declare global {
  interface HTMLElementTagNameMap {
    'wy-report-targets': WyReportTargets;
  }
}
