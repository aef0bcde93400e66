import { LitElement, css, html, nothing } from 'lit';
import { caseTypeInfo, formDeclaration, roleTitle } from '../app-state.js';
import { I18nController, loc } from '../i18n.js';
import { base } from '../styles.js';
import type { FollowUpFigures, FollowUpPolicy } from './report-types.js';
import { durationText, methodText, percent, rt } from './reports-i18n.js';


/**
 * The field a policy's per-value entries are keyed by — the severity, or a category standing in
 * for it (a repair's 报修类别) — with its label and its values' labels: from the report when it
 * carries them, else the case type's enum field whose values include every key (the staff app's
 * configuration model need not say which field grades the case).
 */
function valueField(p: FollowUpPolicy, keys: string[], caseType?: string): { label: string; value: (key: string) => string } | null {
  if (p.valueField) return { label: loc(p.valueField.label), value: (k) => (p.valueField!.values[k] ? loc(p.valueField!.values[k]) : k) };
  const info = caseType ? caseTypeInfo(caseType) : undefined;
  if (!info || !caseType) return null;
  // the field may be set by a later step's form (classification), not the registration form
  const forms = [info.form, ...Object.values(info.transitions).map((t) => formDeclaration(caseType, t.form))];
  const fields = forms.flatMap((f) => Object.entries(f?.schema.properties ?? {}));
  const named = info.severityField ? fields.find(([name]) => name === info.severityField) : undefined;
  const [, schema] = named ?? fields.find(([, s]) => Array.isArray(s.enum) && keys.every((k) => s.enum!.map(String).includes(k))) ?? [];
  if (!schema) return null;
  const labels = schema['x-enumLabels'];
  return { label: loc(schema['x-label']), value: (k) => (labels?.[k] ? loc(labels[k]) : k) };
}

/** "3天内 · 电话 · 客服主管、客服经理；按严重程度：重大 上门" / "…；按报修类别：房屋渗漏水 3天内" */
export function policyText(p: FollowUpPolicy, caseType?: string): string {
  const main = rt('policyText', { deadline: durationText(p.deadline), method: methodText(p.method), roles: p.roles.map(roleTitle).join('、') });
  const keys = [...new Set([...Object.keys(p.deadlineBySeverity), ...Object.keys(p.methodBySeverity), ...Object.keys(p.rolesBySeverity)])];
  if (!keys.length) return main;
  const field = valueField(p, keys, caseType);
  const label = field?.value ?? ((k: string) => k);
  const items = keys.map((s) => [label(s), p.deadlineBySeverity[s] ? durationText(p.deadlineBySeverity[s]) : '', p.methodBySeverity[s] ? methodText(p.methodBySeverity[s]!) : '',
    p.rolesBySeverity[s] ? p.rolesBySeverity[s]!.map(roleTitle).join('、') : ''].filter(Boolean).join(' ')).join('；');
  return `${main}；${rt('bySeverityPolicy', { field: field?.label || rt('severity'), items })}`;
}

export const percentOrDash = percent;

/** 回访率: per case type, due / not yet due / done / on time / satisfied / on-site share / spot checks, the rate against the policy's required rate (not judged while nothing is due yet). */
export class WyFollowUpRates extends LitElement {
  static override properties = { items: { attribute: false } };
  static override styles = [base, css`
    :host { display: block; overflow-x: auto; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .ok { color: var(--wy-ok); font-weight: 600; }
    .bad { color: var(--wy-danger); font-weight: 600; }
    td.policy { max-width: 320px; font-size: 12px; color: var(--wy-muted); }
    td[data-cell="rate"] { white-space: nowrap; }
    /* a phone: one block per case type — its policy in full, then the figures four to a line with their names */
    @media (max-width: 700px) {
      thead { display: none; }
      tr { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 2px 8px; padding: 8px 0; border-bottom: 1px solid var(--wy-border); }
      th, td { border: none; padding: 0; background: none; }
      th[scope="row"], td.policy { grid-column: 1 / -1; max-width: none; }
      th[scope="row"] { font-size: 15px; color: #1f2933; }
      td.num { text-align: left; }
      td.num::before { content: attr(data-label); display: block; font-size: 12px; font-weight: 400; color: var(--wy-muted); }
    }
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
        <th scope="col" class="num">${rt('colDue')}</th><th scope="col" class="num">${rt('colNotYetDue')}</th><th scope="col" class="num">${rt('colDone')}</th><th scope="col" class="num">${rt('colOnTime')}</th>
        <th scope="col" class="num">${rt('colOverdueOpen')}</th><th scope="col" class="num">${rt('colRate')}</th><th scope="col" class="num">${rt('colRequired')}</th>
        <th scope="col" class="num">${rt('colSatisfaction')}</th><th scope="col" class="num">${rt('colOnSite')}</th><th scope="col" class="num">${rt('colSpotChecks')}</th>
      </tr></thead>
      <tbody>${this.items.map((f) => html`<tr data-case-type=${f.caseType}>
        <th scope="row">${loc(f.title)}</th>
        <td class="policy">${policyText(f.policy, f.caseType)}</td>
        <td class="num" data-label=${rt('colDue')}>${f.due}</td><td class="num" data-label=${rt('colNotYetDue')}>${f.notYetDue}</td><td class="num" data-label=${rt('colDone')}>${f.done}</td><td class="num" data-label=${rt('colOnTime')}>${f.doneOnTime}</td>
        <td class="num ${f.overdueOpen ? 'bad' : ''}" data-label=${rt('colOverdueOpen')}>${f.overdueOpen}</td>
        <td class="num ${f.met === null ? 'muted' : f.met ? 'ok' : 'bad'}" data-cell="rate" data-label=${rt('colRate')}>${f.met === null ? rt(f.due ? 'notYetDue' : 'noneDue') : percent(f.rate)}</td>
        <td class="num" data-label=${rt('colRequired')}>${percent(f.requiredRate)}</td>
        <td class="num" data-label=${rt('colSatisfaction')}>${percent(f.satisfactionRate)}</td><td class="num" data-label=${rt('colOnSite')}>${percent(f.onSiteShare)}</td>
        <td class="num" data-label=${rt('colSpotChecks')} title=${f.spotChecksByStaff.map((s) => `${s.name} ${s.count}`).join('、')}>${f.spotChecks}</td>
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
