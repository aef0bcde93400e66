import { LitElement, css, html, nothing } from 'lit';
import type { HomeCount, HomeFigures } from '../types.js';
import { api } from '../api.js';
import { caseTypeTitle, roleTitle } from '../app-state.js';
import { I18nController, loc, t } from '../i18n.js';
import { caseTypesForNav } from '../nav-order.js';
import { caseHref, href, navigate } from '../router.js';
import { base } from '../styles.js';

/**
 * The top of 工作台: today's work of me and my team per procedure (due today, overdue — each a
 * link into the filtered list), follow-ups due, recent escalations to my roles, and quick
 * registration (buttons, so they are not mistaken for the navigation's links of the same
 * procedures) for the roles that register. Figures from GET /api/home; nothing shows until
 * they arrive (the work queue below does not wait for them).
 */
export class WyHomeSummary extends LitElement {
  static override properties = { figures: { state: true } };

  static override styles = [base, css`
    :host { display: block; }
    .actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 12px; }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 12px; }
    .card { margin: 0; }
    h2 { font-size: 15px; margin: 0 0 8px; }
    table { width: 100%; font-size: 13px; }
    th, td { padding: 4px 6px; }
    td.n { text-align: right; font-variant-numeric: tabular-nums; width: 4.5em; }
    td.n a { display: inline-block; min-width: 2em; }
    .bad { color: var(--wy-danger); font-weight: 600; }
    ul { margin: 0; padding-left: 18px; font-size: 13px; }
    li { margin: 3px 0; }
  `];

  declare figures: HomeFigures | null;

  constructor() {
    super();
    new I18nController(this);
    this.figures = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  /** Reads the figures again (the queue's refresh button and timer call it). */
  async reload(): Promise<void> {
    try {
      this.figures = await api.get<HomeFigures>('/api/home');
    } catch {
      // the queue below still works; the summary simply stays as it was
    }
  }

  #counts(title: string, rows: HomeCount[], scope: 'mine' | 'team') {
    const list = (caseType: string, q: Record<string, number>) => href(`/cases/${caseType}`, scope === 'mine' ? { mine: 1, ...q } : q);
    const shown = rows.filter((r) => r.dueToday || r.overdue);
    return html`<section class="card" data-testid=${`home-${scope}`}>
      <h2>${title}</h2>
      ${shown.length ? html`<table>
        <thead><tr><th scope="col"></th><th scope="col" class="n">${t('homeDueToday')}</th><th scope="col" class="n">${t('homeOverdue')}</th></tr></thead>
        <tbody>${shown.map((r) => html`<tr data-case-type=${r.caseType}>
          <th scope="row">${caseTypeTitle(r.caseType)}</th>
          <td class="n" data-cell="due">${r.dueToday ? html`<a href=${list(r.caseType, { open: 1 })}>${r.dueToday}</a>` : '0'}</td>
          <td class="n" data-cell="overdue">${r.overdue ? html`<a class="bad" href=${list(r.caseType, { overdue: 1, open: 1 })}>${r.overdue}</a>` : '0'}</td>
        </tr>`)}</tbody>
      </table>` : html`<p class="muted">${t('homeNothing')}</p>`}
    </section>`;
  }

  override render() {
    const f = this.figures;
    // the six the staff member uses most (the navigation's order); the rest are one tap away in the navigation
    const registrable = caseTypesForNav().filter((c) => c.canCreate).slice(0, 6);
    return html`
      ${registrable.length ? html`<div class="actions" role="group" aria-label=${t('homeQuickActions')} data-testid="quick-actions">
        ${registrable.map((c) => html`<button type="button" @click=${() => navigate(href(`/cases/${c.caseType}/new`))}>＋ ${t('homeRegister', { title: loc(c.title) })}</button>`)}
      </div>` : nothing}
      ${f ? html`<div class="grid">
        ${this.#counts(t('homeToday', { day: f.today }) + ' · ' + t('homeMine'), f.mine, 'mine')}
        ${this.#counts(t('homeToday', { day: f.today }) + ' · ' + t('homeTeam'), f.team, 'team')}
        ${f.followUps.dueToday || f.followUps.overdue ? html`<section class="card" data-testid="home-follow-ups">
          <h2>${t('homeFollowUps')}</h2>
          <ul>
            ${f.followUps.dueToday ? html`<li><a href=${href('/follow-ups')}>${t('homeFollowUpsDue', { n: f.followUps.dueToday })}</a></li>` : nothing}
            ${f.followUps.overdue ? html`<li><a class="bad" href=${href('/follow-ups')}>${t('homeFollowUpsOverdue', { n: f.followUps.overdue })}</a></li>` : nothing}
          </ul>
        </section>` : nothing}
        ${f.escalations.length ? html`<section class="card" data-testid="home-escalations">
          <h2>${t('homeEscalations')}</h2>
          <ul>${f.escalations.map((e) => html`<li><a class="serial" href=${caseHref(e.caseType, e.caseId)}>${e.serial}</a> ${e.title ?? caseTypeTitle(e.caseType)}
            <span class="muted">${t('homeEscalatedTo', { role: roleTitle(e.role) })}</span></li>`)}</ul>
        </section>` : nothing}
      </div>` : nothing}
    `;
  }
}

customElements.define('wy-home-summary', WyHomeSummary);

declare global {
  interface HTMLElementTagNameMap {
    'wy-home-summary': WyHomeSummary;
  }
}

