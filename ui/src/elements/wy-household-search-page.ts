import { LitElement, css, html, type PropertyValues } from 'lit';
import { api, ApiError } from '../api.js';
import { appState, buildingsOf } from '../app-state.js';
import { I18nController, t, tOr } from '../i18n.js';
import { href, navigate } from '../router.js';
import { personLabel, unitLabel } from '../services.js';
import { base } from '../styles.js';
import type { Building, PersonRow, UnitRow } from '../types.js';

/** 住户档案: find a unit (project, building, number prefix) or a resident (name, phone). */
export class WyHouseholdSearchPage extends LitElement {
  static override properties = {
    query: { attribute: false },
    buildings: { state: true },
    projectId: { state: true },
    units: { state: true },
    people: { state: true },
    unitLabels: { state: true },
    error: { state: true },
  };

  static override styles = [base, css`
    :host { display: block; }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(360px, 1fr)); gap: 16px; align-items: start; }
    form { display: flex; gap: 10px; flex-wrap: wrap; align-items: flex-end; margin-bottom: 12px; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
    li a { display: block; padding: 6px 10px; border: 1px solid var(--wy-border); border-radius: var(--wy-radius); text-decoration: none; }
    li a:hover { background: var(--wy-primary-light); }
  `];

  declare query: URLSearchParams;
  declare buildings: Building[];
  declare projectId: number | null;
  declare units: UnitRow[] | null;
  declare people: PersonRow[] | null;
  declare unitLabels: Map<number, string>;
  declare error: string;

  constructor() {
    super();
    new I18nController(this);
    this.query = new URLSearchParams();
    this.buildings = [];
    this.projectId = null;
    this.units = null;
    this.people = null;
    this.unitLabels = new Map();
    this.error = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) {
      this.projectId = Number(this.query.get('projectId')) || appState().projects[0]?.id || null;
      void this.#search();
    }
    if (changed.has('projectId') && this.projectId) {
      const id = this.projectId;
      buildingsOf(id).then((b) => { if (id === this.projectId) this.buildings = b; }).catch(() => { this.buildings = []; });
    }
  }

  async #search() {
    const q = this.query;
    this.error = '';
    try {
      if (q.has('projectId')) {
        const res = await api.get<{ items: UnitRow[] }>('/api/units', { projectId: this.projectId, buildingId: q.get('buildingId'), q: q.get('number'), limit: 50 });
        this.units = res.items;
        this.unitLabels = new Map(await Promise.all(res.items.map(async (u) => [u.id, await unitLabel(u)] as const)));
      } else this.units = null;
      if (q.get('person')) {
        const res = await api.get<{ items: PersonRow[] }>('/api/people', { q: q.get('person'), limit: 20 });
        this.people = res.items;
        const unitIds = [...new Set(res.items.flatMap((p) => p.units.map((u) => u.unitId)))].filter((id) => !this.unitLabels.has(id));
        const labels = new Map(this.unitLabels);
        await Promise.all(unitIds.map(async (id) => {
          const u = await api.get<UnitRow>(`/api/units/${id}`).catch(() => null);
          if (u) labels.set(id, await unitLabel(u));
        }));
        this.unitLabels = labels;
      } else this.people = null;
    } catch (err) {
      this.error = err instanceof ApiError && err.status ? (err.issues[0]?.message ?? err.message) : t('networkError');
    }
  }

  #submitUnit(e: Event) {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    navigate(href('/households', { projectId: String(f.get('projectId') ?? ''), buildingId: String(f.get('buildingId') ?? ''), number: String(f.get('number') ?? '').trim() }));
  }

  #submitPerson(e: Event) {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    navigate(href('/households', { person: String(f.get('person') ?? '').trim() }));
  }

  override render() {
    const { projects } = appState();
    const q = this.query;
    return html`
      <h1>${t('householdsTitle')}</h1>
      <p class="muted">${t('householdsHint')}</p>
      ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : null}
      <div class="grid">
        <section class="card" aria-labelledby="find-unit">
          <h2 id="find-unit">${t('findUnit')}</h2>
          <form @submit=${this.#submitUnit}>
            <label>${t('project')}
              <select name="projectId" @change=${(e: Event) => { this.projectId = Number((e.target as HTMLSelectElement).value) || null; }}>
                ${projects.map((p) => html`<option value=${p.id} ?selected=${p.id === this.projectId}>${p.name}</option>`)}
              </select>
            </label>
            <label>${t('building')}
              <select name="buildingId">
                <option value="">${t('chooseBuilding')}</option>
                ${this.buildings.map((b) => html`<option value=${b.id} ?selected=${q.get('buildingId') === String(b.id)}>${b.name}</option>`)}
              </select>
            </label>
            <label>${t('unit')}<input name="number" type="search" maxlength="32" .value=${q.get('number') ?? ''} placeholder=${t('unitSearch')} /></label>
            <button class="primary" type="submit">${t('search')}</button>
          </form>
          ${this.units ? (this.units.length ? html`<ul aria-label=${t('unitsFound')}>${this.units.map((u) => html`<li><a href=${href(`/units/${u.id}`)}>
            ${this.unitLabels.get(u.id) ?? u.number} <span class="muted">· ${tOr(`unitStatus_${u.status}`, u.status)} · ${t('m2', { n: u.area })}</span></a></li>`)}</ul>`
            : html`<p class="muted">${t('noMatches')}</p>`) : null}
        </section>
        <section class="card" aria-labelledby="find-person">
          <h2 id="find-person">${t('findPerson')}</h2>
          <form @submit=${this.#submitPerson}>
            <label>${t('personSearch')}<input name="person" type="search" maxlength="50" required .value=${q.get('person') ?? ''} /></label>
            <button class="primary" type="submit">${t('search')}</button>
          </form>
          ${this.people ? (this.people.length ? html`<ul aria-label=${t('peopleFound')}>${this.people.map((p) => html`<li>
            <strong>${personLabel(p)}</strong>
            ${p.units.map((u) => html` <a href=${href(`/units/${u.unitId}`)}>${this.unitLabels.get(u.unitId) ?? `#${u.unitId}`} · ${tOr(`relation_${u.relation}`, u.relation)}</a>`)}
          </li>`)}</ul>` : html`<p class="muted">${t('noMatches')}</p>`) : null}
        </section>
      </div>
    `;
  }
}

customElements.define('wy-household-search-page', WyHouseholdSearchPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-household-search-page': WyHouseholdSearchPage;
  }
}
