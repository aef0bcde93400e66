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
const minShort = (t: Target) => rt('targetOf', { min: t.kind === 'onSiteShare' ? percent(t.min) : rt('countN', { n: t.min }) });
const actualText = (t: Target, r: Row) => (t.kind === 'onSiteShare'
  ? rt('onSiteOf', { p: percent(r.actual as string | null), count: r.count ?? 0, base: r.base ?? 0 })
  : rt('countN', { n: r.actual ?? 0 }));
const who = (r: Row) => r.name ?? (r.caseTypeTitle ? loc(r.caseTypeTitle) : '');

/**
 * 目标达成: each of the company's targets (reports.targets) as a small table, one line per person
 * (spot checks, follow-ups done) or per case type with follow-ups done (on-site share; the case
 * types with none share one line): actual against the target, 达标 / 未达标. Two targets side by
 * side on a wide screen, one under the other on a phone.
 */
export class WyReportTargets extends LitElement {
  static override properties = { targets: { attribute: false } };
  static override styles = [base, css`
    :host { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 8px 20px; }
    table { width: 100%; margin: 0; }
    caption { text-align: left; font-weight: 600; padding: 4px 0; white-space: normal; overflow-wrap: anywhere; }
    .scope { display: block; font-size: 12px; font-weight: 400; color: var(--wy-muted); }
    td { white-space: nowrap; }
    td.who { white-space: normal; overflow-wrap: anywhere; width: 100%; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .ok { color: var(--wy-ok); font-weight: 600; }
    .bad { color: var(--wy-danger); font-weight: 600; }
    td.rest { white-space: normal; font-size: 12px; }
    @media (max-width: 700px) {
      :host { grid-template-columns: minmax(0, 1fr); }
      td { padding-left: 4px; padding-right: 4px; }
      td.min { font-size: 12px; color: var(--wy-muted); }
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
    return this.targets.map((t) => {
      // on-site share: the case types with no follow-up done are not judged: one line for them all
      const rows = t.kind === 'onSiteShare' ? t.rows.filter((r) => r.met !== null) : t.rows;
      const rest = t.kind === 'onSiteShare' ? t.rows.filter((r) => r.met === null) : [];
      return html`<table data-testid="report-targets" data-target=${t.id}>
        <caption>${loc(t.title)}<span class="scope">${scope(t)} · ${minText(t)}</span></caption>
        <tbody>
          ${rows.map((r) => html`<tr data-staff-id=${r.staffId ?? nothing} data-case-type=${r.caseType ?? nothing}>
            <td class="who">${who(r)}</td>
            <td class="num" data-cell="actual">${actualText(t, r)}</td>
            <td class="num min">${minShort(t)}</td>
            <td class=${r.met ? 'ok' : 'bad'} data-cell="result">${rt(r.met ? 'targetMet' : 'targetNotMet')}</td>
          </tr>`)}
          ${rest.length ? html`<tr><td colspan="4" class="muted rest">${rt('noneDoneTypes', { types: rest.map(who).join('、') })}</td></tr>` : nothing}
          ${!t.rows.length ? html`<tr><td colspan="4" class="muted rest">${rt(t.kind === 'onSiteShare' ? 'noTargetRows' : 'noMembers')}</td></tr>` : nothing}
        </tbody>
      </table>`;
    });
  }
}

customElements.define('wy-report-targets', WyReportTargets);

declare global {
  interface HTMLElementTagNameMap {
    'wy-report-targets': WyReportTargets;
  }
}
