import { LitElement, css, html } from 'lit';
import { appState } from '../app-state.js';
import { I18nController, loc, t, type StringKey } from '../i18n.js';
import { CONFIG_CHANGED_EVENT } from '../api.js';
import { href, type AdminSection, type BillingPage, type Route } from '../router.js';
import { base } from '../styles.js';

/** Whether the logged-in user's roles (or the roles merged into them) carry a permission: the server's answer, from /api/app-config. */
export function userHasPermission(permission: string): boolean {
  const { permissions } = appState();
  return permissions.includes(permission) || permissions.includes('*');
}

const ADMIN_LINKS: { section: AdminSection; label: StringKey; plugin?: string }[] = [
  { section: 'forms', label: 'navAdminForms' },
  { section: 'workflow', label: 'navAdminWorkflow' },
  { section: 'rules', label: 'navAdminRules' },
  { section: 'roles', label: 'navAdminRoles' },
  { section: 'calendar', label: 'navAdminCalendar' },
  { section: 'fees', label: 'navAdminFees', plugin: 'billing' },
  { section: 'review', label: 'navAdminReview' },
];

const BILLING_LINKS: { page: BillingPage; label: StringKey; permission: string }[] = [
  { page: 'bills', label: 'navBillingBills', permission: 'billing.view' },
  { page: 'arrears', label: 'navBillingArrears', permission: 'billing.view' },
  { page: 'collection-rates', label: 'navBillingRates', permission: 'billing.view' },
  { page: 'cash', label: 'navBillingCash', permission: 'billing.collect' },
  { page: 'runs', label: 'navBillingRuns', permission: 'billing.run' },
];

/** The main navigation: work queue, one entry per case type, follow-ups, household archive; the configuration editor for admins. */
export class WyAppNav extends LitElement {
  static override properties = { route: { attribute: false } };

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
    @media (max-width: 760px) {
      nav { padding: 4px; }
      ul { display: flex; flex-wrap: wrap; gap: 2px; }
      .group { display: none; }
    }
  `];

  declare route: Route | undefined;

  constructor() {
    super();
    new I18nController(this);
    this.route = undefined;
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

  #current(match: (r: Route) => boolean) {
    return this.route && match(this.route) ? 'page' : undefined;
  }

  /** 收费: only the pages the staff member's roles hold a billing permission for. */
  #billing() {
    if (!('billing' in appState().plugins)) return null;
    const links = BILLING_LINKS.filter((l) => userHasPermission(l.permission));
    if (!links.length) return null;
    return html`
      <div class="group" id="nav-billing">${t('navBilling')}</div>
      <ul aria-labelledby="nav-billing" data-testid="billing-nav">
        ${links.map((l) => html`<li><a href=${href(`/billing/${l.page}`)}
          aria-current=${this.#current((r) => r.name === 'billing' && (r.page === l.page || (l.page === 'bills' && (r.page === 'bill' || r.page === 'account')))) ?? 'false'}>${t(l.label)}</a></li>`)}
      </ul>`;
  }

  override render() {
    const { caseTypes } = appState();
    return html`
      <nav aria-label=${t('navMain')}>
        <ul>
          <li><a href=${href('/')} aria-current=${this.#current((r) => r.name === 'queue') ?? 'false'}>${t('navQueue')}</a></li>
        </ul>
        <div class="group" aria-hidden="true">${t('navCaseTypes')}</div>
        <ul>
          ${caseTypes.map((c) => html`<li><a href=${href(`/cases/${c.caseType}`)}
            aria-current=${this.#current((r) => (r.name === 'list' || r.name === 'case' || r.name === 'new') && r.caseType === c.caseType) ?? 'false'}>${loc(c.title)}</a></li>`)}
        </ul>
        <div class="group" aria-hidden="true"></div>
        <ul>
          <li><a href=${href('/follow-ups')} aria-current=${this.#current((r) => r.name === 'followUps') ?? 'false'}>${t('navFollowUps')}</a></li>
          <li><a href=${href('/households')} aria-current=${this.#current((r) => r.name === 'households' || r.name === 'unit') ?? 'false'}>${t('navHouseholds')}</a></li>
          ${userHasPermission('reports.view') ? html`<li><a href=${href('/reports')} data-testid="reports-nav" aria-current=${this.#current((r) => r.name === 'reports') ?? 'false'}>${t('navReports')}</a></li>` : null}
        </ul>
        ${this.#billing()}
        ${userHasPermission('config.edit') ? html`
          <div class="group" id="nav-admin">${t('navAdmin')}</div>
          <ul aria-labelledby="nav-admin" data-testid="admin-nav">
            ${ADMIN_LINKS.filter((l) => !l.plugin || l.plugin in appState().plugins).map((l) => html`<li><a href=${href(`/admin/${l.section}`)}
              aria-current=${this.#current((r) => r.name === 'admin' && r.section === l.section) ?? 'false'}>${t(l.label)}</a></li>`)}
          </ul>` : null}
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
