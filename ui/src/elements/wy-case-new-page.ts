import { LitElement, css, html } from 'lit';
import { api, ApiError } from '../api.js';
import { appState, caseTypeInfo, caseTypeTitle, stateTitle } from '../app-state.js';
import { getLanguage, I18nController, t } from '../i18n.js';
import { issueText, localizeIssues } from '../issue-text.js';
import { caseHref, href, navigate } from '../router.js';
import { formServices } from '../services.js';
import { base } from '../styles.js';
import type { CaseView, Issue } from '../types.js';
import type { HouseholdChoice } from './wy-household-picker.js';
import './wy-household-picker.js';
import '../../../forms/index.js';
import type { UnitDetail } from '../types.js';
import { st } from './wy-global-search.js';

type HistoryCase = UnitDetail['cases'][string][number] & { caseType: string };
const RECENT_CLOSED = 5;

/**
 * Registering a case (首问负责: whoever takes the call registers it): project, unit and resident,
 * then the case type's own form, which fills in what it declares from the picked room and resident
 * (ui `prefill`). Server issues on the form's fields are shown on the fields.
 */
export class WyCaseNewPage extends LitElement {
  static override properties = {
    caseType: { type: String },
    busy: { state: true },
    error: { state: true },
    formIssues: { state: true },
    pickerErrors: { state: true },
    household: { state: true },
    history: { state: true },
  };

  static override styles = [base, css`
    :host { display: block; max-width: 960px; }
    .back { margin-bottom: 8px; display: inline-block; }
    .form { margin-bottom: 24px; }
    .history { margin-top: 12px; border-top: 1px solid var(--wy-border); padding-top: 10px; }
    .history h3 { font-size: 14px; margin: 0 0 6px; }
    .history ul { list-style: none; margin: 0 0 8px; padding: 0; }
    .history li { padding: 4px 0; display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; }
    .history .hint { color: #92400e; background: #fff4e5; padding: 6px 10px; border-radius: 4px; margin: 0 0 8px; }
    .history .tag { font-size: 12px; padding: 0 6px; border-radius: 8px; background: #eef2f7; }
    .history .tag.open { background: #fff4e5; color: #92400e; }
    .history .tag.overdue { background: #fde8e8; color: #9b1c1c; }
    .history .muted { color: #6b7280; font-size: 13px; }
  `];

  declare caseType: string;
  declare busy: boolean;
  declare error: string;
  declare formIssues: Issue[];
  declare pickerErrors: Record<string, string>;
  declare household: HouseholdChoice;
  /** the chosen household's cases (open first, then the latest closed), null while none is chosen */
  declare history: { unitId: number; open: HistoryCase[]; recent: HistoryCase[] } | 'loading' | null;
  #services = formServices(() => this.household.projectId);

  constructor() {
    super();
    new I18nController(this);
    this.caseType = '';
    this.busy = false;
    this.error = '';
    this.formIssues = [];
    this.pickerErrors = {};
    this.household = { projectId: null, unitId: null, personId: null };
    this.history = null;
  }

  /** A repeat complaint shows before it is registered twice: the household's open and recent cases. */
  async #loadHistory(unitId: number | null) {
    if (!unitId) {
      this.history = null;
      return;
    }
    if (this.history && this.history !== 'loading' && this.history.unitId === unitId) return;
    this.history = 'loading';
    try {
      const unit = await api.get<UnitDetail>(`/api/units/${unitId}`);
      if (this.household.unitId !== unitId) return;
      const all = Object.entries(unit.cases).flatMap(([caseType, rows]) => rows.map((r) => ({ ...r, caseType })));
      all.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      this.history = { unitId, open: all.filter((c) => !c.closedAt), recent: all.filter((c) => c.closedAt).slice(0, RECENT_CLOSED) };
    } catch {
      this.history = null;
    }
  }

  #historyItem(c: HistoryCase) {
    return html`<li data-testid="history-case">
      <a href=${caseHref(c.caseType, c.id)}>${caseTypeTitle(c.caseType)} ${c.serial}</a>
      <span class="tag ${c.closedAt ? '' : 'open'}">${stateTitle(c.caseType, c.state)}</span>
      ${c.overdue && !c.closedAt ? html`<span class="tag overdue">${st('overdue')}</span>` : null}
      <span>${c.title ?? ''}</span>
      <span class="muted">${new Date(c.createdAt).toLocaleDateString(getLanguage())}</span>
    </li>`;
  }

  #history() {
    const h = this.history;
    if (!h) return null;
    if (h === 'loading') return html`<div class="history" role="status">${st('historyLoading')}</div>`;
    return html`<div class="history" data-testid="household-history" aria-labelledby="history-title">
      <h3 id="history-title">${st('historyTitle')}</h3>
      ${!h.open.length && !h.recent.length ? html`<p class="muted">${st('historyNone')}</p>` : null}
      ${h.open.length ? html`<p class="hint" role="note">${st('historyOpen', { n: h.open.length })} · ${st('historyHint')}</p>
        <ul>${h.open.map((c) => this.#historyItem(c))}</ul>` : null}
      ${h.recent.length ? html`<h3>${st('historyRecent')}</h3><ul>${h.recent.map((c) => this.#historyItem(c))}</ul>` : null}
    </div>`;
  }

  async #submit(e: CustomEvent<{ value: Record<string, unknown> }>) {
    if (this.busy) return;
    const { projectId, unitId, personId } = this.household;
    if (!projectId) {
      this.pickerErrors = { projectId: t('chooseProject') };
      return;
    }
    this.busy = true;
    this.error = '';
    this.pickerErrors = {};
    try {
      const created = await api.post<CaseView>(`/api/cases/${this.caseType}`, { projectId, unitId, personId, data: e.detail.value });
      this.formIssues = [];
      navigate(caseHref(this.caseType, created.id));
    } catch (err) {
      this.#showError(err);
    } finally {
      this.busy = false;
    }
  }

  #showError(err: unknown) {
    if (!(err instanceof ApiError)) {
      this.error = t('networkError');
      return;
    }
    const issues = err.issues;
    this.formIssues = localizeIssues(issues.filter((i) => i.pointer === '/data' || i.pointer.startsWith('/data/')));
    const picker: Record<string, string> = {};
    for (const i of issues) {
      const key = i.pointer.replace(/^\//, '');
      if (key === 'projectId' || key === 'unitId' || key === 'personId') picker[key] = issueText(i).text;
    }
    this.pickerErrors = picker;
    const other = issues.filter((i) => !(i.pointer === '/data' || i.pointer.startsWith('/data/')) && !(i.pointer.replace(/^\//, '') in picker));
    this.error = err.status === 403 ? t('cannotCreate')
      : err.status === 400 ? [t('formErrors'), ...other.map((i) => `${i.pointer}: ${issueText(i).text}`)].join(' ')
      : err.status === 0 ? t('networkError') : err.message;
  }

  override render() {
    const info = caseTypeInfo(this.caseType);
    const title = caseTypeTitle(this.caseType);
    if (!info) return html`<div class="card">${t('notFound')}</div>`;
    if (!info.canCreate) return html`<div class="card error-box" role="alert">${t('cannotCreate')}</div>`;
    const { me } = appState();
    return html`
      <a class="back" href=${href(`/cases/${this.caseType}`)}>‹ ${title}</a>
      <h1>${t('newTitle', { type: title })}</h1>
      <section class="card" aria-labelledby="household-title">
        <h2 id="household-title">${t('household')}</h2>
        <wy-household-picker .errors=${this.pickerErrors} @wy-household-change=${(e: CustomEvent<HouseholdChoice>) => { this.household = e.detail; void this.#loadHistory(e.detail.unitId); }}></wy-household-picker>
        ${this.#history()}
      </section>
      <section class="form" aria-label=${title}>
        ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : null}
        <wy-form
          .schema=${info.form.schema}
          .ui=${info.form.ui ?? undefined}
          .language=${getLanguage()}
          .context=${{
            data: {}, case: { caseType: this.caseType, projectId: this.household.projectId }, actor: { staffId: me.id, roles: me.roles, name: me.name }, config: info.settings ?? {},
            // the picked room and resident: the form fills in what it declares from them (name, phone, area)
            unit: this.household.unit ?? null, person: this.household.person ?? null,
          }}
          .services=${this.#services}
          .errors=${this.formIssues}
          .submitLabel=${t('register')}
          .disabled=${this.busy}
          @wy-submit=${this.#submit}
        ></wy-form>
      </section>
    `;
  }
}

customElements.define('wy-case-new-page', WyCaseNewPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-case-new-page': WyCaseNewPage;
  }
}
