import { LitElement, css, html } from 'lit';
import { api, ApiError } from '../api.js';
import { appState, caseTypeInfo, roleTitle } from '../app-state.js';
import { formatDateTime } from '../format.js';
import { getLanguage, I18nController, t } from '../i18n.js';
import { localizeIssues } from '../issue-text.js';
import { formServices } from '../services.js';
import { base } from '../styles.js';
import type { CaseDetail, Issue } from '../types.js';
import './wy-countdown.js';
import '../../../forms/index.js';

/**
 * 回访: the case's follow-ups and, when one is due and my role may do it, its form. Recording the
 * result takes the workflow's satisfied / unsatisfied step on the server.
 * @fires wy-case-changed - after the follow-up was recorded
 * @fires wy-stale - the case changed since it was loaded (409)
 */
export class WyFollowUpPanel extends LitElement {
  static override properties = {
    detail: { attribute: false },
    busy: { state: true },
    error: { state: true },
    issues: { state: true },
  };

  static override styles = [base, css`
    :host { display: block; }
    ul { list-style: none; margin: 0 0 12px; padding: 0; display: grid; gap: 6px; }
    li { display: flex; gap: 12px; flex-wrap: wrap; align-items: center; padding: 6px 10px; border: 1px solid var(--wy-border); border-radius: var(--wy-radius); background: #fafbfc; }
    .form { border-top: 1px dashed var(--wy-border); padding-top: 12px; }
  `];

  declare detail: CaseDetail | null;
  declare busy: boolean;
  declare error: string;
  declare issues: Issue[];
  #services = formServices(() => this.detail?.projectId ?? null);

  constructor() {
    super();
    new I18nController(this);
    this.detail = null;
    this.busy = false;
    this.error = '';
    this.issues = [];
  }

  async #submit(e: CustomEvent<{ value: Record<string, unknown> }>) {
    const d = this.detail;
    if (!d?.followUpForm || this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      await api.post(`/api/follow-ups/${d.followUpForm.followUpId}/complete`, { caseVersion: d.version, data: e.detail.value });
      this.issues = [];
      this.dispatchEvent(new CustomEvent('wy-case-changed', { detail: { title: t('followUpDone') }, bubbles: true, composed: true }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) this.dispatchEvent(new CustomEvent('wy-stale', { bubbles: true, composed: true }));
      else if (err instanceof ApiError && err.status === 400) {
        this.issues = localizeIssues(err.issues.filter((i) => i.pointer.startsWith('/data')));
        this.error = t('formErrors');
      } else if (err instanceof ApiError && err.status !== 0) this.error = err.status === 403 ? `${t('forbidden')} ${err.message}` : err.message;
      else this.error = t('networkError');
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const d = this.detail;
    if (!d) return null;
    const { me } = appState();
    const method = (m: string) => (m === 'onSite' ? t('methodOnSite') : m === 'phone' ? t('methodPhone') : m === 'any' ? t('methodAny') : m);
    return html`
      ${d.followUps.length ? html`<ul>
        ${d.followUps.map((f) => html`<li data-follow-up=${f.id}>
          <strong>${method(f.method)}</strong>
          <span class="muted">${f.roles.map(roleTitle).join('、')}</span>
          ${f.status === 'due' ? html`<span>${t('followUpDue', { t: formatDateTime(f.dueAt) })}</span> <wy-countdown .due=${f.dueAt}></wy-countdown>`
            : f.status === 'done' ? html`<span class=${f.satisfied ? 'badge' : 'badge danger'}>${f.satisfied ? t('followUpSatisfied') : t('followUpUnsatisfied')}</span><span class="muted">${formatDateTime(f.doneAt)}</span>`
            : html`<span class="muted">${f.status}</span>`}
        </li>`)}
      </ul>` : null}
      ${d.followUpForm ? html`<div class="form">
        <h3>${t('followUpRecord')}</h3>
        ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : null}
        <wy-form
          .schema=${d.followUpForm.form.schema}
          .ui=${d.followUpForm.form.ui ?? undefined}
          .language=${getLanguage()}
          .context=${{ data: d.data, case: { id: d.id, serial: d.serial, state: d.state, severity: d.severity, projectId: d.projectId }, actor: { staffId: me.id, roles: me.roles, name: me.name }, config: caseTypeInfo(d.caseType)?.settings ?? {} }}
          .services=${this.#services}
          .errors=${this.issues}
          .submitLabel=${t('followUpRecord')}
          .disabled=${this.busy}
          @wy-submit=${this.#submit}
        ></wy-form>
      </div>` : null}
    `;
  }
}

customElements.define('wy-follow-up-panel', WyFollowUpPanel);

declare global {
  interface HTMLElementTagNameMap {
    'wy-follow-up-panel': WyFollowUpPanel;
  }
}
