import { LitElement, css, html, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import pluginUiModules from 'virtual:wuye-plugin-ui';
import { api, ApiError, CONFIG_CHANGED_EVENT, UNAUTHORIZED_EVENT } from '../api.js';
import { appState, clearAppState, loadAppState, roleTitle } from '../app-state.js';
import { getLanguage, I18nController, setLanguage, t } from '../i18n.js';
import { parseRoute, type Route } from '../router.js';
import { loadPluginUis, matchPage } from '../plugin-ui-registry.js';
import { userHasPermission } from '../permissions.js';
import { base } from '../styles.js';
import './wy-login-page.js';
import './wy-app-nav.js';
import './wy-queue-page.js';
import './wy-global-search.js';
import '../notifications/wy-notification-bell.js';
import { closeUnreadFeed } from '../notifications/unread-feed.js';

type Phase = 'starting' | 'login' | 'ready' | 'failed';

/** Pages other than the work queue are loaded when first visited (the case pages bring the form runtime). */
const pageLoaders: Partial<Record<Route['name'], () => Promise<unknown>>> = {
  list: () => import('./wy-case-list-page.js'),
  new: () => import('./wy-case-new-page.js'),
  case: () => import('./wy-case-page.js'),
  followUps: () => import('./wy-follow-ups-page.js'),
  reports: () => import('../reports/wy-reports-page.js'),
  households: () => import('./wy-household-search-page.js'),
  unit: () => import('./wy-household-page.js'),
  admin: () => import('../admin/wy-admin-page.js'),
  password: () => import('./wy-password-page.js'),
  readLog: () => import('../household/wy-read-log-page.js'),
  notifications: () => import('../notifications/wy-notifications-page.js'),
};

/** The staff app: login, then the shell (user, language, logout, navigation) around the routed page. */
export class WyApp extends LitElement {
  static override properties = {
    phase: { state: true },
    route: { state: true },
    pageReady: { state: true },
    failure: { state: true },
  };

  static override styles = [base, css`
    :host { display: block; min-height: 100vh; }
    .shell { display: grid; grid-template-columns: 200px 1fr; grid-template-rows: 52px 1fr; min-height: 100vh; }
    header {
      grid-column: 1 / -1; display: flex; align-items: center; gap: 16px; padding: 0 16px;
      background: var(--wy-primary-dark); color: #fff;
    }
    header .brand { font-weight: 600; font-size: 16px; color: #fff; text-decoration: none; }
    header .user { margin-left: auto; display: flex; align-items: center; gap: 12px; font-size: 13px; }
    header .roles { opacity: 0.8; }
    header button { background: transparent; color: #fff; border-color: rgb(255 255 255 / 0.4); min-height: 28px; padding: 2px 10px; }
    header button:hover { color: #fff; border-color: #fff; }
    header .user a { color: #fff; }
    wy-app-nav { background: #fff; border-right: 1px solid var(--wy-border); }
    main { padding: 20px 24px; min-width: 0; }
    .skip { position: absolute; left: -9999px; }
    .skip:focus { left: 8px; top: 8px; z-index: 10; background: #fff; padding: 6px 10px; }
    .center { display: grid; place-items: center; min-height: 60vh; gap: 12px; }
    @media (max-width: 760px) {
      .shell { grid-template-columns: 1fr; grid-template-rows: auto auto 1fr; }
      header { flex-wrap: wrap; padding: 8px 12px; }
      wy-app-nav { border-right: none; border-bottom: 1px solid var(--wy-border); }
    }
  `];

  declare phase: Phase;
  declare route: Route;
  declare pageReady: boolean;
  declare failure: string;

  constructor() {
    super();
    new I18nController(this);
    this.phase = 'starting';
    this.route = parseRoute(location.hash);
    this.pageReady = false;
    this.failure = '';
  }

  #onHash = () => {
    this.route = parseRoute(location.hash);
    void this.#loadPage();
  };

  /** The configuration editor activated a version: role titles, case types and enabled plugins may have changed. */
  #onConfigChanged = () => {
    void loadAppState()
      .then(() => loadPluginUis(pluginUiModules, Object.keys(appState().plugins)))
      .then(() => this.requestUpdate(), () => undefined);
  };

  #onUnauthorized = () => {
    closeUnreadFeed();
    clearAppState();
    this.phase = 'login';
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHash);
    window.addEventListener(UNAUTHORIZED_EVENT, this.#onUnauthorized);
    window.addEventListener(CONFIG_CHANGED_EVENT, this.#onConfigChanged);
    document.documentElement.lang = getLanguage();
    void this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHash);
    window.removeEventListener(UNAUTHORIZED_EVENT, this.#onUnauthorized);
    window.removeEventListener(CONFIG_CHANGED_EVENT, this.#onConfigChanged);
  }

  async #start() {
    try {
      await loadAppState();
      // the enabled plugins' contributions (pages, navigation, panels) before the shell first renders
      await loadPluginUis(pluginUiModules, Object.keys(appState().plugins));
      this.phase = 'ready';
      await this.#loadPage();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) this.phase = 'login';
      else {
        this.failure = err instanceof ApiError && err.status !== 0 ? err.message : t('networkError');
        this.phase = 'failed';
      }
    }
  }

  /** Pages whose module is loaded: going back to one (or changing its query) keeps its element. */
  #loaded = new Set<string>();

  async #loadPage() {
    const r = this.route;
    const plugin = r.name === 'plugin' ? matchPage(r.path)?.page : undefined;
    const key = plugin ? plugin.tag : r.name;
    const loader = plugin ? plugin.load : pageLoaders[r.name];
    this.pageReady = !loader || this.#loaded.has(key);
    if (!loader || this.pageReady) return;
    const route = this.route;
    try {
      await loader();
      this.#loaded.add(key);
    } catch {
      this.failure = t('networkError');
    }
    if (route === this.route) this.pageReady = true;
  }

  async #logout() {
    try {
      await api.post('/api/auth/logout');
    } catch {
      // the session may already be gone; show the login page anyway
    }
    closeUnreadFeed();
    clearAppState();
    this.phase = 'login';
  }

  override render() {
    switch (this.phase) {
      case 'starting':
        return html`<div class="center" role="status">${t('loading')}</div>`;
      case 'login':
        return html`<wy-login-page @wy-logged-in=${() => { this.phase = 'starting'; void this.#start(); }}></wy-login-page>`;
      case 'failed':
        return html`<div class="center"><div class="error-box" role="alert">${this.failure}</div><button @click=${() => { this.phase = 'starting'; void this.#start(); }}>${t('retry')}</button></div>`;
      case 'ready':
        return this.#shell();
    }
  }

  #shell() {
    const { me } = appState();
    return html`
      <a class="skip" href="#main" @click=${(e: Event) => { e.preventDefault(); this.renderRoot.querySelector<HTMLElement>('main')?.focus(); }}>${t('skipToContent')}</a>
      <div class="shell">
        <header>
          <a class="brand" href="#/">${t('appName')}</a>
          <wy-global-search></wy-global-search>
          <div class="user">
            <wy-notification-bell></wy-notification-bell>
            <span><strong data-testid="user-name">${me.name}</strong> <span class="roles">${me.roles.map(roleTitle).join('、')}</span></span>
            <button type="button" lang=${getLanguage() === 'en' ? 'zh-CN' : 'en'} @click=${() => setLanguage(getLanguage() === 'en' ? 'zh-CN' : 'en')} title=${t('language')}>${t('switchLanguage')}</button>
            <a href="#/password" data-testid="change-password">${t('changePassword')}</a>
            <button type="button" @click=${this.#logout}>${t('logout')}</button>
          </div>
        </header>
        <wy-app-nav .route=${this.route}></wy-app-nav>
        <main id="main" tabindex="-1">${this.pageReady ? this.#page() : html`<p role="status">${t('loading')}</p>`}</main>
      </div>
    `;
  }

  #page(): TemplateResult {
    const r = this.route;
    switch (r.name) {
      case 'queue': return html`<wy-queue-page .scope=${r.query.get('scope') === 'team' ? 'team' : 'mine'}></wy-queue-page>`;
      case 'list': return html`<wy-case-list-page .caseType=${r.caseType} .query=${r.query}></wy-case-list-page>`;
      case 'new': return html`<wy-case-new-page .caseType=${r.caseType}></wy-case-new-page>`;
      case 'case': return html`<wy-case-page .caseType=${r.caseType} .caseId=${r.id}></wy-case-page>`;
      case 'followUps': return html`<wy-follow-ups-page .query=${r.query}></wy-follow-ups-page>`;
      case 'reports': return html`<wy-reports-page .query=${r.query}></wy-reports-page>`;
      case 'households': return html`<wy-household-search-page .query=${r.query}></wy-household-search-page>`;
      case 'unit': return html`<wy-household-page .unitId=${r.id}></wy-household-page>`;
      case 'admin': return html`<wy-admin-page .section=${r.section} .query=${r.query}></wy-admin-page>`;
      case 'plugin': return this.#pluginPage(r.path, r.query);
      case 'password': return html`<wy-password-page></wy-password-page>`;
      case 'readLog': return html`<wy-read-log-page .query=${r.query}></wy-read-log-page>`;
      case 'notifications': return html`<wy-notifications-page></wy-notifications-page>`;
      case 'notFound': return this.#notFound();
    }
  }

  #notFound(): TemplateResult {
    return html`<div class="card"><p>${t('pageNotFound')}</p><a href="#/">${t('backToQueue')}</a></div>`;
  }

  /** A page a plugin contributes: its element (tag from the contribution) gets the route's parameters and query. */
  #pluginPage(path: string, query: URLSearchParams): TemplateResult {
    const match = matchPage(path);
    if (!match) return this.#notFound();
    if (!userHasPermission(match.page.permission)) return html`<div class="card error-box" role="alert">${t('forbidden')}</div>`;
    const tag = unsafeStatic(match.page.tag);
    return staticHtml`<${tag} .params=${match.params} .query=${query}></${tag}>`;
  }
}

customElements.define('wy-app', WyApp);

declare global {
  interface HTMLElementTagNameMap {
    'wy-app': WyApp;
  }
}
