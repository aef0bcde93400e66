import { LitElement, css, html, type PropertyValues } from 'lit';
import { api, ApiError } from '../api.js';
import { caseTypeTitle, projectName, roleTitle } from '../app-state.js';
import { formatDateTime } from '../format.js';
import { I18nController, t } from '../i18n.js';
import { caseHref, href, navigate } from '../router.js';
import { base } from '../styles.js';
import type { FollowUpListItem } from '../types.js';
import './wy-countdown.js';

/** 回访: follow-ups due (soonest first) or done; each opens its case, where the result is recorded. */
export class WyFollowUpsPage extends LitElement {
  static override properties = {
    query: { attribute: false },
    items: { state: true },
    loading: { state: true },
    error: { state: true },
  };

  static override styles = [base, css`
    :host { display: block; }
    .filters { display: flex; gap: 12px; align-items: center; margin-bottom: 12px; flex-wrap: wrap; }
  `];

  declare query: URLSearchParams;
  declare items: FollowUpListItem[];
  declare loading: boolean;
  declare error: string;

  constructor() {
    super();
    new I18nController(this);
    this.query = new URLSearchParams();
    this.items = [];
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
      const res = await api.get<{ items: FollowUpListItem[] }>('/api/follow-ups', { status: this.#status, overdue: this.query.get('overdue') === '1' ? true : undefined, limit: 100 });
      this.items = res.items;
      this.error = '';
    } catch (err) {
      this.error = err instanceof ApiError && err.status ? err.message : t('networkError');
    } finally {
      this.loading = false;
    }
  }

  #set(changes: Record<string, string | undefined>) {
    const next = { status: this.query.get('status') ?? undefined, overdue: this.query.get('overdue') ?? undefined, ...changes };
    navigate(href('/follow-ups', next), { replace: true });
  }

  override render() {
    const status = this.#status;
    const method = (m: string) => (m === 'onSite' ? t('methodOnSite') : m === 'phone' ? t('methodPhone') : m);
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
        </div>
        ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : null}
        ${this.loading && !this.items.length ? html`<p role="status">${t('loading')}</p>` : !this.items.length ? html`<p class="muted">${t('followUpsEmpty')}</p>` : html`
          <table>
            <thead><tr>
              <th scope="col">${t('colSerial')}</th><th scope="col">${t('colType')}</th><th scope="col">${t('colTitle')}</th>
              <th scope="col">${t('colProject')}</th><th scope="col">${t('colFollowUpMethod')}</th><th scope="col">${t('colFollowUpRoles')}</th>
              <th scope="col">${status === 'due' ? t('colFollowUpDue') : t('colFollowUpResult')}</th>
            </tr></thead>
            <tbody>${this.items.map((f) => html`<tr>
              <td><a class="serial" href=${caseHref(f.caseType, f.caseId)}>${f.serial}</a></td>
              <td>${caseTypeTitle(f.caseType)}</td>
              <td>${f.caseTitle ?? ''}</td>
              <td>${projectName(f.projectId)}</td>
              <td>${method(f.method)}</td>
              <td>${f.roles.map(roleTitle).join('、')}</td>
              <td>${status === 'due' ? html`<wy-countdown .due=${f.dueAt} .overdue=${f.overdue}></wy-countdown>`
                : html`<span class=${f.satisfied ? '' : 'overdue'}>${f.satisfied ? t('followUpSatisfied') : t('followUpUnsatisfied')}</span> <span class="muted">${formatDateTime(f.doneAt)}</span>`}</td>
            </tr>`)}</tbody>
          </table>`}
      </div>
    `;
  }
}

customElements.define('wy-follow-ups-page', WyFollowUpsPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-follow-ups-page': WyFollowUpsPage;
  }
}
