import { LitElement, css, html, nothing } from 'lit';
import { appState } from '../app-state.js';
import { getLanguage, I18nController, loc, t, type StringKey } from '../i18n.js';
import { CONFIG_CHANGED_EVENT } from '../api.js';
import { href, type Route } from '../router.js';
import { userHasPermission } from '../permissions.js';
import { navEntries, type Contributed } from '../plugin-ui-registry.js';
import type { UiNavEntry } from '../plugin-ui-api.js';
import { visibleAdminSections } from '../admin/admin-sections.js';
import { caseTypesForNav, noteCaseTypeVisit } from '../nav-order.js';
import { base } from '../styles.js';

export { userHasPermission } from '../permissions.js';

const text = (label: { 'zh-CN': string; en?: string }) => (getLanguage() === 'en' ? label.en ?? label['zh-CN'] : label['zh-CN']);

/**
 * The main navigation: 工作台, the case types the staff member's roles can create or act on (the
 * ones they use most first), follow-ups, the household archive, reports, what the enabled plugins
 * contribute, and the configuration editor for admins. On a phone (≤ 600 px) it folds behind a
 * menu button so the page starts on the first screen.
 */
export class WyAppNav extends LitElement {
  static override properties = { route: { attribute: false }, open: { state: true } };

  static override styles = [base, css`
    :host { display: block; }
    nav { padding: 12px 8px; }
    ul { list-style: none; margin: 0; padding: 0; }
    li a {
      display: block; padding: 8px 12px; border-radius: var(--wy-radius); color: #1f2933; text-decoration: none;
    }
    li a:hover { background: var(--wy-bg); }
    li a[aria-current='page'] { background: var(--wy-primary-light); color: var(--wy-primary-dark); font-weight: 600; }
    .group { margin: 14px 12px 6px; font-size: 12px; color: var(--wy-muted); }
    .menu { display: none; }
    @media (max-width: 760px) {
      nav { padding: 4px; }
      ul { display: flex; flex-wrap: wrap; gap: 2px; }
      .group { display: none; }
    }
    @media (max-width: 600px) {
      .menu { display: flex; align-items: center; gap: 8px; width: 100%; justify-content: flex-start; border: none; background: transparent; padding: 10px 12px; font-size: 15px; }
      .menu .current { color: var(--wy-muted); font-size: 13px; }
      .lists[hidden-on-phone] { display: none; }
      ul { display: block; }
      .group { display: block; }
    }
  `];

  declare route: Route | undefined;
  declare open: boolean;

  constructor() {
    super();
    new I18nController(this);
    this.route = undefined;
    this.open = false;
  }

  #onConfigChanged = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(CONFIG_CHANGED_EVENT, this.#onConfigChanged);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(CONFIG_CHANGED_EVENT, this.#onConfigChanged);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('route')) {
      this.open = false; // a chosen entry closes the phone menu
      const r = this.route;
      if (r && (r.name === 'list' || r.name === 'new' || r.name === 'case')) noteCaseTypeVisit(appState().me.id, r.caseType);
    }
  }

  #current(match: (r: Route) => boolean) {
    return this.route && match(this.route) ? 'page' : 'false';
  }

  #pluginEntryCurrent(e: UiNavEntry) {
    return this.#current((r) => r.name === 'plugin' && (r.path === e.path || (e.activeFor ?? []).some((p) => r.path.startsWith(p))));
  }

  /** What the enabled plugins put in the navigation, under their headings, for the staff member's permissions. */
  #pluginGroups() {
    const groups = new Map<string, { title: string; entries: Contributed<UiNavEntry>[] }>();
    for (const e of navEntries().filter((x) => userHasPermission(x.permission))) {
      const title = e.group ? text(e.group) : '';
      const key = `${e.pluginId}:${title}`;
      if (!groups.has(key)) groups.set(key, { title, entries: [] });
      groups.get(key)!.entries.push(e);
    }
    return [...groups.entries()].map(([key, g], i) => html`
      ${g.title ? html`<div class="group" id=${`nav-plugin-${i}`}>${g.title}</div>` : nothing}
      <ul aria-labelledby=${g.title ? `nav-plugin-${i}` : nothing} data-testid=${`nav-group-${key.split(':')[0]}`}>
        ${g.entries.map((e) => html`<li><a href=${href(e.path)} aria-current=${this.#pluginEntryCurrent(e)}>${text(e.label)}</a></li>`)}
      </ul>`);
  }

  #currentLabel(): string {
    const r = this.route;
    if (!r) return '';
    if (r.name === 'list' || r.name === 'new' || r.name === 'case') return loc(appState().caseTypes.find((c) => c.caseType === r.caseType)?.title);
    const labels: Partial<Record<Route['name'], StringKey>> = { queue: 'navQueue', followUps: 'navFollowUps', households: 'navHouseholds', unit: 'navHouseholds', reports: 'navReports', readLog: 'navReadLog', admin: 'navAdmin' };
    const key = labels[r.name];
    return key ? t(key) : '';
  }

  override render() {
    const caseTypes = caseTypesForNav();
    return html`
      <nav aria-label=${t('navMain')}>
        <button type="button" class="menu" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="nav-lists" data-testid="nav-menu"
          @click=${() => { this.open = !this.open; }}>☰ ${t('navMenu')} <span class="current">${this.#currentLabel()}</span></button>
        <div class="lists" id="nav-lists" ?hidden-on-phone=${!this.open}>
          <ul>
            <li><a href=${href('/')} aria-current=${this.#current((r) => r.name === 'queue')}>${t('navQueue')}</a></li>
          </ul>
          ${caseTypes.length ? html`<div class="group" aria-hidden="true">${t('navCaseTypes')}</div>` : nothing}
          <ul data-testid="nav-case-types">
            ${caseTypes.map((c) => html`<li><a href=${href(`/cases/${c.caseType}`)}
              aria-current=${this.#current((r) => (r.name === 'list' || r.name === 'case' || r.name === 'new') && r.caseType === c.caseType)}>${loc(c.title)}</a></li>`)}
          </ul>
          <div class="group" aria-hidden="true"></div>
          <ul>
            <li><a href=${href('/follow-ups')} aria-current=${this.#current((r) => r.name === 'followUps')}>${t('navFollowUps')}</a></li>
            <li><a href=${href('/households')} aria-current=${this.#current((r) => r.name === 'households' || r.name === 'unit')}>${t('navHouseholds')}</a></li>
            ${userHasPermission('reports.view') ? html`<li><a href=${href('/reports')} data-testid="reports-nav" aria-current=${this.#current((r) => r.name === 'reports')}>${t('navReports')}</a></li>` : nothing}
            ${userHasPermission('privacy.log') ? html`<li><a href=${href('/read-log')} aria-current=${this.#current((r) => r.name === 'readLog')}>${t('navReadLog')}</a></li>` : nothing}
          </ul>
          ${this.#pluginGroups()}
          ${userHasPermission('config.edit') ? html`
            <div class="group" id="nav-admin">${t('navAdmin')}</div>
            <ul aria-labelledby="nav-admin" data-testid="admin-nav">
              ${visibleAdminSections().map((s) => html`<li><a href=${href(`/admin/${s.id}`)}
                aria-current=${this.#current((r) => r.name === 'admin' && r.section === s.id)}>${s.label()}</a></li>`)}
            </ul>` : nothing}
        </div>
      </nav>
    `;
  }
}

customElements.define('wy-app-nav', WyAppNav);

declare global {
  interface HTMLElementTagNameMap {
    'wy-app-nav': WyAppNav;
  }
}
