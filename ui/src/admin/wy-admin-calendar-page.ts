import { LitElement, css, html } from 'lit';
import { appState } from '../app-state.js';
import { api } from '../api.js';
import { I18nController } from '../i18n.js';
import { base } from '../styles.js';
import { adminStyles } from './admin-styles.js';
import { at } from './admin-i18n.js';
import type { CalendarDecl } from './admin-types.js';
import { draft, DraftController, type Scope } from './draft-store.js';
import { ctl, focusPointer, invalid, issueNote } from './issue-view.js';
import { pointer } from './patch.js';
import './wy-admin-date-list.js';

interface PublicYearStatus { year: number; source: 'package' | 'platform' | 'missing'; notice: string | null; version: number | null }

const ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'Asia/Singapore', 'UTC'];

/**
 * Working calendar: time zone, extra holidays and extra working days, for the whole company and
 * for each project (a project's days are added to the company's). Chinese public holidays and
 * 调休 working days come with the platform; these lists are for what they do not know.
 */
export class WyAdminCalendarPage extends LitElement {
  static override properties = { query: { attribute: false } };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    .cals { display: grid; gap: 14px; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); align-items: start; }
    .cals section > label { margin-bottom: 10px; }
    wy-admin-date-list { margin-top: 8px; }
    .public-years { margin-bottom: 14px; }
    .public-years ul { margin: 0; padding-left: 18px; display: grid; gap: 4px; }
    .public-years li.missing { color: var(--wy-danger); }
  `];

  declare query: URLSearchParams;
  #focused = '';
  /** which years near now have the official arrangement (GET /api/config/public-calendar) */
  #years: PublicYearStatus[] = [];

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
    this.query = new URLSearchParams();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    api.get<{ items: PublicYearStatus[] }>('/api/config/public-calendar').then((r) => {
      this.#years = r.items;
      this.requestUpdate();
    }, () => {});
  }

  #publicYears() {
    if (!this.#years.length) return null;
    return html`<section class="card public-years" aria-label=${at('publicCalendarTitle')}>
      <h2>${at('publicCalendarTitle')}</h2>
      <ul>${this.#years.map((y) => html`<li class=${y.source} data-year=${y.year}>${y.source === 'missing'
        ? at('publicCalendarMissing', { year: y.year })
        : y.source === 'platform' ? at('publicCalendarPlatform', { year: y.year, notice: y.notice ?? '', version: y.version ?? 1 }) : at('publicCalendarPackage', { year: y.year })}</li>`)}</ul>
    </section>`;
  }

  override updated(): void {
    const focus = this.query.get('focus');
    if (focus && focus !== this.#focused && focusPointer(this.renderRoot, focus)) this.#focused = focus;
  }

  #card(scope: Scope, title: string) {
    const cal = draft.calendar(scope);
    const p = (...path: string[]) => pointer('document', ...(scope ? ['projects', scope] : []), 'calendar', ...path);
    const set = (patch: Partial<CalendarDecl>) => draft.setCalendar(scope, { ...cal, ...patch });
    const effective = draft.active?.effective.calendar;
    return html`
      <section class="card" aria-label=${title} data-pointer=${ctl(p())} data-calendar=${scope ?? 'company'}>
        <h2>${title}</h2>
        ${issueNote(p())}
        <label>${at('timezone')}
          <input list="zones" .value=${cal.timezone ?? ''} placeholder=${scope ? at('inheritTimezone') : effective?.timezone ?? 'Asia/Shanghai'}
            aria-label=${`${title} · ${at('timezone')}`} data-pointer=${ctl(p('timezone'))} aria-invalid=${invalid(p('timezone'))}
            @change=${(e: Event) => set({ timezone: (e.target as HTMLInputElement).value })}>
          ${issueNote(p('timezone'))}
        </label>
        <wy-admin-date-list .label=${`${title} · ${at('holidays')}`} .dates=${cal.holidays ?? []} .pointer=${p('holidays')}
          @wy-dates-change=${(e: CustomEvent<{ dates: string[] }>) => set({ holidays: e.detail.dates })}></wy-admin-date-list>
        <wy-admin-date-list .label=${`${title} · ${at('workdays')}`} .dates=${cal.workdays ?? []} .pointer=${p('workdays')}
          @wy-dates-change=${(e: CustomEvent<{ dates: string[] }>) => set({ workdays: e.detail.dates })}></wy-admin-date-list>
      </section>`;
  }

  override render() {
    const { projects } = appState();
    return html`
      ${this.#publicYears()}
      <p class="hint">${at('calendarHint')}</p>
      <datalist id="zones">${ZONES.map((z) => html`<option value=${z}></option>`)}</datalist>
      <div class="cals">
        ${this.#card(null, at('scopeCompany'))}
        ${projects.map((p) => this.#card(p.code, `${p.name}（${p.code}）`))}
      </div>
    `;
  }
}

customElements.define('wy-admin-calendar-page', WyAdminCalendarPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-calendar-page': WyAdminCalendarPage;
  }
}
