import { LitElement, css, html, type PropertyValues } from 'lit';
import { api, ApiError } from '../api.js';
import { appState, caseTypeTitle, projectName, roleTitle } from '../app-state.js';
import { formatDateTime } from '../format.js';
import { I18nController, t } from '../i18n.js';
import { caseHref, href, navigate } from '../router.js';
import { base } from '../styles.js';
import type { FollowUpListItem } from '../types.js';
import { userHasPermission } from '../permissions.js';
import type { FollowUpFigures, FollowUpPolicy } from '../reports/report-types.js';
import { policyText, percentOrDash } from '../reports/wy-follow-up-rates.js';
import { rt } from '../reports/reports-i18n.js';
import './wy-countdown.js';
import '../reports/wy-follow-up-rates.js';

/** The case types whose workflow declares a follow-up policy, with it (from the effective configuration). */
function followUpPolicies(): { caseType: string; policy: FollowUpPolicy }[] {
  const { caseTypes, plugins } = appState();
  return caseTypes.flatMap((c) => {
    const p = plugins[c.pluginId]?.workflows[c.caseType]?.followUp as Partial<FollowUpPolicy> | undefined;
    if (!p?.deadline) return [];
    return [{ caseType: c.caseType, policy: {
      deadline: p.deadline, deadlineBySeverity: p.deadlineBySeverity ?? {}, method: p.method ?? 'any', methodBySeverity: p.methodBySeverity ?? {},
      requiredRate: p.requiredRate ?? 1, roles: p.roles ?? [], rolesBySeverity: p.rolesBySeverity ?? {},
    } }];
  });
}

function thisMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** 回访: follow-ups due (soonest first) or done; each opens its case, where the result is recorded. */
export class WyFollowUpsPage extends LitElement {
  static override properties = {
    query: { attribute: false },
    items: { state: true },
    rates: { state: true },
    loading: { state: true },
    error: { state: true },
  };

  static override styles = [base, css`
    :host { display: block; }
    .filters { display: flex; gap: 12px; align-items: flex-end; margin-bottom: 12px; flex-wrap: wrap; }
    .policies { margin: 0 0 12px; padding: 0; list-style: none; font-size: 13px; }
    .policies li { margin-bottom: 4px; }
    .policies strong { margin-right: 6px; }
    .table-scroll { overflow-x: auto; }
    td.nowrap { white-space: nowrap; }
    a[href^='tel:'] { display: inline-flex; align-items: center; min-height: 32px; text-decoration: none; font-weight: 600; }
    /* on a phone each follow-up is a small card: label and value per line, the number big enough to tap */
    @media (max-width: 640px) {
      table, tbody, tr, td { display: block; width: 100%; }
      thead { display: none; }
      tr { border-bottom: 1px solid var(--wy-border); padding: 8px 0; }
      td { border: none; padding: 2px 4px; display: flex; gap: 10px; align-items: center; }
      td[data-label]::before { content: attr(data-label); color: var(--wy-muted); font-size: 13px; flex: 0 0 5em; }
      td.key { font-weight: 600; }
      a[href^='tel:'] { min-height: 40px; font-size: 16px; }
    }
  `];

  declare query: URLSearchParams;
  declare items: FollowUpListItem[];
  declare rates: FollowUpFigures[] | null;
  declare loading: boolean;
  declare error: string;

  constructor() {
    super();
    new I18nController(this);
    this.query = new URLSearchParams();
    this.items = [];
    this.rates = null;
    this.loading = true;
    this.error = '';
  }

  get #status(): 'due' | 'done' {
    return this.query.get('status') === 'done' ? 'done' : 'due';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) void this.#load();
  }

  async #load() {
    this.loading = true;
    try {
      const caseType = this.query.get('caseType') || undefined;
      const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(this.query.get('month') ?? '') ? this.query.get('month')! : thisMonth();
      const [res, rates] = await Promise.all([
        api.get<{ items: FollowUpListItem[] }>('/api/follow-ups', { status: this.#status, caseType, overdue: this.#status === 'due' && this.query.get('overdue') === '1' ? true : undefined, limit: 100 }),
        userHasPermission('reports.view') ? api.get<{ items: FollowUpFigures[] }>('/api/reports/follow-ups', { month }).then((r) => r.items).catch(() => null) : Promise.resolve(null),
      ]);
      this.items = res.items;
      this.rates = rates && (caseType ? rates.filter((r) => r.caseType === caseType) : rates);
      this.error = '';
    } catch (err) {
      this.error = err instanceof ApiError && err.status ? err.message : t('networkError');
    } finally {
      this.loading = false;
    }
  }

  #set(changes: Record<string, string | undefined>) {
    const next = { status: this.query.get('status') ?? undefined, overdue: this.query.get('overdue') ?? undefined, caseType: this.query.get('caseType') ?? undefined, month: this.query.get('month') ?? undefined, ...changes };
    navigate(href('/follow-ups', next), { replace: true });
  }

  override render() {
    const status = this.#status;
    const method = (m: string) => (m === 'onSite' ? t('methodOnSite') : m === 'phone' ? t('methodPhone') : m === 'any' ? t('methodAny') : m);
    const policies = followUpPolicies();
    return html`
      <h1>${t('followUpsTitle')}</h1>
      <div class="card">
        <div class="filters">
          <label>${t('state')}
            <select @change=${(e: Event) => this.#set({ status: (e.target as HTMLSelectElement).value === 'done' ? 'done' : undefined })}>
              <option value="due" ?selected=${status === 'due'}>${t('followUpsDue')}</option>
              <option value="done" ?selected=${status === 'done'}>${t('followUpsDone')}</option>
            </select>
          </label>
          ${status === 'due' ? html`<label class="inline"><input type="checkbox" ?checked=${this.query.get('overdue') === '1'}
            @change=${(e: Event) => this.#set({ overdue: (e.target as HTMLInputElement).checked ? '1' : undefined })} />${t('followUpsOverdueOnly')}</label>` : null}
          <label>${rt('caseType')}
            <select data-testid="follow-up-case-type" @change=${(e: Event) => this.#set({ caseType: (e.target as HTMLSelectElement).value || undefined })}>
              <option value="">${rt('allCaseTypes')}</option>
              ${policies.map((p) => html`<option value=${p.caseType} ?selected=${this.query.get('caseType') === p.caseType}>${caseTypeTitle(p.caseType)}</option>`)}
            </select>
          </label>
        </div>
        <ul class="policies" aria-label=${rt('policyOf')} data-testid="follow-up-policies">
          ${policies.filter((p) => (!this.query.get('caseType') || p.caseType === this.query.get('caseType'))
            // a policy the rates table below shows (回访要求) is not printed a second time here
            && !this.rates?.some((r) => r.caseType === p.caseType)).map((p) => html`<li>
            <strong>${caseTypeTitle(p.caseType)}</strong>${policyText(p.policy, p.caseType)} · ${rt('requiredRate', { rate: percentOrDash(p.policy.requiredRate) })}</li>`)}
        </ul>
        ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : null}
        ${this.loading && !this.items.length ? html`<p role="status">${t('loading')}</p>` : !this.items.length ? html`<p class="muted">${t('followUpsEmpty')}</p>` : html`
          <div class="table-scroll"><table>
            <thead><tr>
              <th scope="col">${t('colSerial')}</th><th scope="col">${t('colType')}</th>
              <th scope="col">${t('colUnit')}</th><th scope="col">${t('colPerson')}</th><th scope="col">${t('colPhone')}</th>
              <th scope="col">${t('colTitle')}</th>
              <th scope="col">${t('colProject')}</th><th scope="col">${t('colFollowUpMethod')}</th><th scope="col">${t('colFollowUpRoles')}</th>
              <th scope="col">${status === 'due' ? t('colFollowUpDue') : t('colFollowUpResult')}</th>
            </tr></thead>
            <tbody>${this.items.map((f) => html`<tr>
              <td class="key"><a class="serial" href=${caseHref(f.caseType, f.caseId)}>${f.serial}</a></td>
              <td class="nowrap" data-label=${t('colType')}>${caseTypeTitle(f.caseType)}</td>
              <td class="nowrap" data-col="unit" data-label=${t('colUnit')}>${f.unitLabel ?? ''}</td>
              <td class="nowrap" data-col="person" data-label=${t('colPerson')}>${f.personName ?? ''}</td>
              <td class="nowrap" data-col="phone" data-label=${t('colPhone')}>${f.personPhone ? html`<a href=${`tel:${f.personPhone.replace(/[^0-9+]/g, '')}`} aria-label=${t('callPerson', { name: f.personName ?? '', phone: f.personPhone })}>${f.personPhone}</a>` : ''}</td>
              <td data-label=${t('colTitle')}>${f.caseTitle ?? ''}</td>
              <td data-label=${t('colProject')}>${projectName(f.projectId)}</td>
              <td data-label=${t('colFollowUpMethod')}>${method(f.method)}</td>
              <td data-label=${t('colFollowUpRoles')}>${f.roles.map(roleTitle).join('、')}</td>
              <td data-label=${status === 'due' ? t('colFollowUpDue') : t('colFollowUpResult')}>${status === 'due' ? html`<wy-countdown .due=${f.dueAt} .overdue=${f.overdue}></wy-countdown>`
                : html`<span class=${f.satisfied ? '' : 'overdue'}>${f.satisfied ? t('followUpSatisfied') : t('followUpUnsatisfied')}</span> <span class="muted">${formatDateTime(f.doneAt)}</span>`}</td>
            </tr>`)}</tbody>
          </table></div>`}
      </div>
      ${this.rates?.length ? html`<section class="card">
        <h2>${rt('rates', { month: /^\d{4}-(0[1-9]|1[0-2])$/.test(this.query.get('month') ?? '') ? this.query.get('month')! : thisMonth() })}</h2>
        <wy-follow-up-rates .items=${this.rates}></wy-follow-up-rates>
      </section>` : null}
    `;
  }
}

customElements.define('wy-follow-ups-page', WyFollowUpsPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-follow-ups-page': WyFollowUpsPage;
  }
}
