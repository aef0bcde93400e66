import { LitElement, css, html, nothing } from 'lit';
import { caseTypeInfo, formDeclaration, roleTitle } from '../app-state.js';
import { I18nController, loc } from '../i18n.js';
import { base } from '../styles.js';
import type { FollowUpFigures, FollowUpPolicy } from './report-types.js';
import { durationText, methodText, percent, rt } from './reports-i18n.js';


/** "3天内 · 电话 · 客服主管、客服经理; 按严重程度：重大 上门" */
export function policyText(p: FollowUpPolicy, caseType?: string): string {
  // per-severity entries are keyed by the severity field's values: show their labels
  const info = caseType ? caseTypeInfo(caseType) : undefined;
  const field = info?.severityField;
  // the severity field may be set by a later step's form (classification), not the registration form
  const forms = caseType && field ? [info!.form, ...Object.values(info!.transitions).map((t) => formDeclaration(caseType, t.form))] : [];
  const labels = field ? forms.map((f) => f?.schema.properties?.[field]?.['x-enumLabels']).find(Boolean) : undefined;
  const label = (s: string) => (labels?.[s] ? loc(labels[s]) : s);
  const main = rt('policyText', { deadline: durationText(p.deadline), method: methodText(p.method), roles: p.roles.map(roleTitle).join('、') });
  const sev = [...new Set([...Object.keys(p.deadlineBySeverity), ...Object.keys(p.methodBySeverity), ...Object.keys(p.rolesBySeverity)])];
  if (!sev.length) return main;
  const items = sev.map((s) => [label(s), p.deadlineBySeverity[s] ? durationText(p.deadlineBySeverity[s]) : '', p.methodBySeverity[s] ? methodText(p.methodBySeverity[s]!) : '',
    p.rolesBySeverity[s] ? p.rolesBySeverity[s]!.map(roleTitle).join('、') : ''].filter(Boolean).join(' ')).join('；');
  return `${main}；${rt('bySeverityPolicy', { items })}`;
}

export const percentOrDash = percent;

/** 回访率: per case type, due / done / on time / satisfied / on-site share / spot checks, the rate against the policy's required rate. */
export class WyFollowUpRates extends LitElement {
  static override properties = { items: { attribute: false } };
  static override styles = [base, css`
    :host { display: block; overflow-x: auto; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .ok { color: var(--wy-ok); font-weight: 600; }
    .bad { color: var(--wy-danger); font-weight: 600; }
    td.policy { max-width: 320px; font-size: 12px; color: var(--wy-muted); }
  `];

  declare items: FollowUpFigures[];

  constructor() {
    super();
    new I18nController(this);
    this.items = [];
  }

  override render() {
    if (!this.items.length) return nothing;
    return html`<table data-testid="follow-up-rates">
      <thead><tr>
        <th scope="col">${rt('colCaseType')}</th><th scope="col">${rt('colPolicy')}</th>
        <th scope="col" class="num">${rt('colDue')}</th><th scope="col" class="num">${rt('colDone')}</th><th scope="col" class="num">${rt('colOnTime')}</th>
        <th scope="col" class="num">${rt('colOverdueOpen')}</th><th scope="col" class="num">${rt('colRate')}</th><th scope="col" class="num">${rt('colRequired')}</th>
        <th scope="col" class="num">${rt('colSatisfaction')}</th><th scope="col" class="num">${rt('colOnSite')}</th><th scope="col" class="num">${rt('colSpotChecks')}</th>
      </tr></thead>
      <tbody>${this.items.map((f) => html`<tr data-case-type=${f.caseType}>
        <th scope="row">${loc(f.title)}</th>
        <td class="policy">${policyText(f.policy, f.caseType)}</td>
        <td class="num">${f.due}</td><td class="num">${f.done}</td><td class="num">${f.doneOnTime}</td>
        <td class="num ${f.overdueOpen ? 'bad' : ''}">${f.overdueOpen}</td>
        <td class="num ${f.due ? (f.met ? 'ok' : 'bad') : ''}" data-cell="rate">${percent(f.rate)}</td>
        <td class="num">${percent(f.requiredRate)}</td>
        <td class="num">${percent(f.satisfactionRate)}</td><td class="num">${percent(f.onSiteShare)}</td>
        <td class="num" title=${f.spotChecksByStaff.map((s) => `${s.name} ${s.count}`).join('、')}>${f.spotChecks}</td>
      </tr>`)}</tbody>
    </table>`;
  }
}

customElements.define('wy-follow-up-rates', WyFollowUpRates);

declare global {
  interface HTMLElementTagNameMap {
    'wy-follow-up-rates': WyFollowUpRates;
  }
}
