import { LitElement, css, html, nothing } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { api, ApiError } from '../api.js';
import { appState } from '../app-state.js';
import { I18nController } from '../i18n.js';
import { userHasPermission } from '../permissions.js';
import { href, type AdminSection } from '../router.js';
import { adminSection, visibleAdminSections } from './admin-sections.js';
import { base } from '../styles.js';
import { adminStyles } from './admin-styles.js';
import { at, describePointer, issueMessage, colon } from './admin-i18n.js';
import type { CheckResponse } from './admin-types.js';
import { draft, DraftController } from './draft-store.js';
import { issueHref } from './issue-routes.js';
import { countChanges } from './change-view.js';
import { formatDateTime } from '../format.js';
import { WyAdminTypeDialog } from './wy-admin-type-dialog.js';
import { companyCaseTypeOf, isCompanyBundle } from './company-types.js';

/** Tabs whose pages edit company or project settings (the scope selector shows). */
const scoped = (section: AdminSection) => adminSection(section)?.scoped === true;

/**
 * The configuration editor's shell: the draft's status (based on version N, changed or not,
 * check, discard), the tabs of the editor, the scope (whole company or one project) and the
 * list of problems the server found, each linked to the control that edits its place.
 * The tab pages are loaded on first visit.
 */
export class WyAdminPage extends LitElement {
  static override properties = {
    section: { type: String },
    query: { attribute: false },
    loadError: { state: true },
    ready: { state: true },
    busy: { state: true },
    notice: { state: true },
    typeNotice: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: block; max-width: 1280px; }
    .status { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; margin-bottom: 10px; }
    .status .state { font-size: 13px; }
    .tabs { display: flex; gap: 2px; border-bottom: 1px solid var(--wy-border); margin-bottom: 14px; flex-wrap: wrap; }
    .tabs a { padding: 8px 14px; text-decoration: none; color: #1f2933; border: 1px solid transparent; border-bottom: none; border-radius: var(--wy-radius) var(--wy-radius) 0 0; }
    .tabs a[aria-current='page'] { background: #fff; border-color: var(--wy-border); color: var(--wy-primary-dark); font-weight: 600; margin-bottom: -1px; }
    .tabs .count { background: var(--wy-danger); color: #fff; border-radius: 8px; font-size: 11px; padding: 0 6px; margin-left: 4px; }
    .problems { border: 1px solid var(--wy-danger); background: var(--wy-danger-light); border-radius: var(--wy-radius); padding: 8px 12px; margin-bottom: 12px; }
    .problems h2 { color: var(--wy-danger); font-size: 14px; margin: 0 0 6px; }
    .problems ul { margin: 0; padding-left: 18px; font-size: 13px; }
    .problems li { margin: 2px 0; }
    .problems .where { color: var(--wy-muted); }
    .scope { display: flex; gap: 8px; align-items: center; font-size: 13px; }
    .scope label { flex-direction: row; align-items: center; gap: 6px; }
  `];

  declare section: AdminSection;
  declare query: URLSearchParams;
  declare loadError: string;
  declare ready: boolean;
  declare busy: boolean;
  declare notice: string;
  /** what the 新建业务类型 / 业务类型设置 dialog did (the draft changed, nothing is in force yet) */
  declare typeNotice: string;

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
    this.section = 'forms';
    this.query = new URLSearchParams();
    this.loadError = '';
    this.ready = false;
    this.busy = false;
    this.notice = '';
    this.typeNotice = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    try {
      const { me } = appState();
      await draft.load(false, `${me.companyId}:${me.id}`);
    } catch (err) {
      this.loadError = err instanceof ApiError && err.status !== 0 ? err.message : at('networkError');
    }
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('section')) {
      this.ready = false;
      const section = this.section;
      const entry = adminSection(section);
      if (entry) void entry.load().then(() => { if (section === this.section) this.ready = true; });
    }
    if (changed.has('query')) {
      const project = this.query.get('project');
      if (scoped(this.section) || this.section === 'calendar') draft.setScope(project && appState().projects.some((p) => p.code === project) ? project : null);
    }
  }

  async #check() {
    this.busy = true;
    this.notice = '';
    try {
      const res = await api.post<CheckResponse>('/api/config/check', { document: draft.document() });
      draft.setIssues(res.issues, 'check');
      this.notice = res.valid ? at('checkPassed') : '';
    } catch (err) {
      draft.setIssues(err instanceof ApiError ? err.issues : [], 'check');
      this.notice = err instanceof ApiError ? err.message : at('networkError');
    } finally {
      this.busy = false;
    }
  }

  #discard() {
    if (!confirm(at('discardConfirm'))) return;
    draft.discard();
    this.notice = '';
    this.typeNotice = '';
  }

  #setScope(code: string) {
    const q = new URLSearchParams(this.query);
    if (code) q.set('project', code);
    else q.delete('project');
    q.delete('focus');
    const qs = q.toString();
    history.replaceState(null, '', `#/admin/${this.section}${qs ? `?${qs}` : ''}`);
    this.query = q;
  }

  #tabHref(section: AdminSection) {
    const project = this.query.get('project');
    return href(`/admin/${section}`, scoped(section) || section === 'calendar' ? { project } : {});
  }

  override render() {
    if (!userHasPermission('config.edit')) return html`<div class="card error-box" role="alert">${at('noPermission')}</div>`;
    if (this.loadError) return html`<div class="card error-box" role="alert">${this.loadError}</div>`;
    if (!draft.loaded) return html`<p role="status">${at('loading')}</p>`;
    if (!adminSection(this.section)) return html`<div class="card"><p>${at('sectionNotFound')}</p><a href=${href('/admin')}>${at('title')}</a></div>`;
    const changes = countChanges(draft.changes());
    const counts = this.#issueCounts();
    const { projects } = appState();
    return html`
      <h1>${at('title')}</h1>
      <div class="status" data-testid="draft-status" data-save-state=${draft.saveState}>
        <span class="badge">${at('basedOn', { n: draft.active!.version })}</span>
        <span class="state">${changes ? at('draftChanged', { n: changes }) : at('draftClean')}</span>
        ${draft.restored ? html`<span class="badge">${at('draftRestored')}</span>` : nothing}
        ${this.#saveState()}
        <span class="spacer"></span>
        ${scoped(this.section) ? html`
          <span class="scope"><label>${at('scope')}
            <select data-testid="scope" @change=${(e: Event) => this.#setScope((e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!draft.scope}>${at('scopeCompany')}</option>
              ${projects.map((p) => html`<option value=${p.code} ?selected=${draft.scope === p.code}>${p.name}（${p.code}）</option>`)}
            </select></label></span>` : nothing}
        <button type="button" data-testid="new-type" @click=${() => this.#typeDialog()?.openNew()}>${at('nt_newType')}</button>
        ${WyAdminTypeDialog.companyTypes().length ? html`<button type="button" data-testid="type-settings" @click=${() => this.#typeDialog()?.openEdit(this.#currentCompanyType())}>${at('nt_editType')}</button>` : nothing}
        <button type="button" @click=${this.#check} ?disabled=${this.busy}>${at('check')}</button>
        <button type="button" @click=${this.#discard} ?disabled=${!draft.dirty || this.busy}>${at('discard')}</button>
        ${this.section !== 'review' ? html`<a class="button primary" href=${href('/admin/review')}>${at('toReview')}</a>` : nothing}
      </div>
      ${this.notice ? html`<div class=${draft.checkedValid ? 'ok-box' : 'error-box'} role="status">${this.notice}</div>` : nothing}
      ${this.typeNotice ? html`<div class="ok-box" role="status" data-testid="type-notice">${this.typeNotice}</div>` : nothing}
      <wy-admin-type-dialog @wy-type-done=${(e: CustomEvent<{ message: string }>) => { this.typeNotice = e.detail.message; }}></wy-admin-type-dialog>
      ${draft.superseded ? html`<div class="error-box" role="status" data-testid="draft-superseded">
        ${at('draftSuperseded', { n: draft.superseded.baseVersion, m: draft.active!.version, t: formatDateTime(draft.superseded.updatedAt) })}
        <button type="button" @click=${() => draft.discard()}>${at('discardSuperseded')}</button></div>` : nothing}
      ${draft.saveState === 'conflict' ? html`<div class="error-box" role="alert" data-testid="draft-conflict">
        ${at('draftConflict')} <button type="button" @click=${() => void draft.load(true)}>${at('loadNewerDraft')}</button></div>` : nothing}
      ${this.#problems()}
      <nav class="tabs" aria-label=${at('tabs')}>
        ${visibleAdminSections().map(({ id: s, label }) => html`<a href=${this.#tabHref(s)} aria-current=${s === this.section ? 'page' : 'false'}>${label()}${counts[s] ? html`<span class="count" aria-label=${at('problemCount', { n: counts[s]! })}>${counts[s]}</span>` : nothing}</a>`)}
      </nav>
      ${this.ready ? this.#page() : html`<p role="status">${at('loading')}</p>`}
    `;
  }

  #typeDialog(): WyAdminTypeDialog | null {
    return this.renderRoot.querySelector('wy-admin-type-dialog');
  }

  /** The company type the page shows (its bundle in the address), for 业务类型设置. */
  #currentCompanyType(): string | undefined {
    const plugin = this.query.get('plugin') ?? '';
    return isCompanyBundle(plugin) ? companyCaseTypeOf(plugin) : undefined;
  }

  /** Whether the draft reached the server (an admin may continue on another computer). */
  #saveState() {
    if (!draft.dirty && draft.saveState !== 'conflict') return nothing;
    const state = draft.saveState;
    if (state === 'idle') return nothing;
    return html`<span class="state ${state === 'error' || state === 'conflict' ? 'issue' : 'muted'}" role="status" data-testid="draft-save-state" data-state=${state}>${at(`save_${state}`)}</span>`;
  }

  #issueCounts(): Partial<Record<AdminSection, number>> {
    const counts: Partial<Record<AdminSection, number>> = {};
    for (const i of draft.issues) {
      const section = issueHref(i.pointer).section;
      counts[section] = (counts[section] ?? 0) + 1;
    }
    return counts;
  }

  #problems() {
    if (!draft.issues.length) return nothing;
    return html`
      <section class="problems" aria-labelledby="problems-title" data-testid="problems">
        <h2 id="problems-title">${at('problemsTitle', { n: draft.issues.length })}</h2>
        <ul>
          ${draft.issues.map((i) => {
            const target = issueHref(i.pointer);
            return html`<li><a href=${target.href}>${describePointer(i.pointer)}</a>${colon()}${issueMessage(i)}</li>`;
          })}
        </ul>
      </section>`;
  }

  /** The tab's element (its tag from admin-sections.ts or the plugin that contributes it) with the route's query. */
  #page() {
    const entry = adminSection(this.section);
    if (!entry) return nothing;
    const tag = unsafeStatic(entry.tag);
    return staticHtml`<${tag} .query=${this.#pageQuery()}></${tag}>`;
  }

  #pageQs = '';
  #pageQueryCache = new URLSearchParams();

  /**
   * The query the tab's page gets: the address's own. A page's picker replaces the address without
   * a route change (history.replaceState: a new plugin, workflow or document); when the shell
   * re-renders on the next draft change it must not hand the page the route's older query, which
   * would put the page back on the type it showed first.
   */
  #pageQuery(): URLSearchParams {
    const qs = location.hash.includes('?') ? location.hash.slice(location.hash.indexOf('?') + 1) : '';
    if (!location.hash.startsWith(`#/admin/${this.section}`) || qs === this.query.toString()) return this.query;
    if (qs !== this.#pageQs) {
      this.#pageQs = qs;
      this.#pageQueryCache = new URLSearchParams(qs);
    }
    return this.#pageQueryCache;
  }
}

customElements.define('wy-admin-page', WyAdminPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-page': WyAdminPage;
  }
}
