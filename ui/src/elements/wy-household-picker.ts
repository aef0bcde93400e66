import { LitElement, css, html, type PropertyValues } from 'lit';
import { api } from '../api.js';
import { appState, buildingsOf } from '../app-state.js';
import { I18nController, t, tOr } from '../i18n.js';
import { personLabel, searchPeopleRows, searchUnitRows, unitLabel } from '../services.js';
import { base } from '../styles.js';
import type { Building, PersonRow, UnitDetail, UnitRow } from '../types.js';

export interface HouseholdChoice {
  projectId: number | null;
  unitId: number | null;
  personId: number | null;
}

interface PersonChoice {
  id: number;
  label: string;
}

/**
 * Project, unit (building + number prefix search) and resident (the unit's people or a name /
 * phone search) for a new case.
 * @fires wy-household-change - detail: HouseholdChoice
 */
export class WyHouseholdPicker extends LitElement {
  static override properties = {
    projectId: { state: true },
    buildingId: { state: true },
    buildings: { state: true },
    unitQuery: { state: true },
    unitResults: { state: true },
    unit: { state: true },
    unitPeople: { state: true },
    personQuery: { state: true },
    personResults: { state: true },
    person: { state: true },
    errors: { attribute: false },
  };

  static override styles = [base, css`
    :host { display: block; }
    .row { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px 16px; }
    label { width: 100%; }
    input, select { width: 100%; }
    .results { list-style: none; margin: 4px 0 0; padding: 0; border: 1px solid var(--wy-border); border-radius: var(--wy-radius); max-height: 200px; overflow-y: auto; }
    .results li button { width: 100%; border: none; border-radius: 0; justify-content: flex-start; }
    .results li + li button { border-top: 1px solid var(--wy-border); }
    .chosen { display: flex; align-items: center; gap: 8px; min-height: 32px; }
    .chosen strong { font-weight: 600; }
    .people { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 6px; }
    .caption { display: block; font-size: 13px; color: var(--wy-muted); margin-bottom: 4px; }
    .field-error { color: var(--wy-danger); font-size: 12px; }
  `];

  declare projectId: number | null;
  declare buildingId: number | null;
  declare buildings: Building[];
  declare unitQuery: string;
  declare unitResults: { unit: UnitRow; label: string }[] | null;
  declare unit: { id: number; label: string } | null;
  declare unitPeople: UnitDetail['people'];
  declare personQuery: string;
  declare personResults: PersonRow[] | null;
  declare person: PersonChoice | null;
  /** server issues for /projectId, /unitId, /personId */
  declare errors: Record<string, string>;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    new I18nController(this);
    this.projectId = null;
    this.buildingId = null;
    this.buildings = [];
    this.unitQuery = '';
    this.unitResults = null;
    this.unit = null;
    this.unitPeople = [];
    this.personQuery = '';
    this.personResults = null;
    this.person = null;
    this.errors = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.projectId === null) this.projectId = appState().projects[0]?.id ?? null;
  }

  get value(): HouseholdChoice {
    return { projectId: this.projectId, unitId: this.unit?.id ?? null, personId: this.person?.id ?? null };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('projectId') && this.projectId) {
      const id = this.projectId;
      buildingsOf(id).then((b) => { if (this.projectId === id) this.buildings = b; }).catch(() => { this.buildings = []; });
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('projectId') || changed.has('unit') || changed.has('person')) {
      this.dispatchEvent(new CustomEvent<HouseholdChoice>('wy-household-change', { detail: this.value, bubbles: true, composed: true }));
    }
  }

  #setProject(id: number | null) {
    this.projectId = id;
    this.buildingId = null;
    this.buildings = [];
    this.#clearUnit();
  }

  #clearUnit() {
    this.unit = null;
    this.unitPeople = [];
    this.unitResults = null;
    this.unitQuery = '';
  }

  #searchUnits(q: string) {
    this.unitQuery = q;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(async () => {
      const pid = this.projectId;
      if (!pid || !q.trim()) {
        this.unitResults = null;
        return;
      }
      try {
        const rows = await searchUnitRows(pid, q, this.buildingId);
        if (q !== this.unitQuery) return;
        this.unitResults = await Promise.all(rows.map(async (unit) => ({ unit, label: await unitLabel(unit) })));
      } catch {
        this.unitResults = [];
      }
    }, 200);
  }

  async #chooseUnit(unit: UnitRow, label: string) {
    this.unit = { id: unit.id, label };
    this.unitResults = null;
    try {
      const detail = await api.get<UnitDetail>(`/api/units/${unit.id}`);
      if (this.unit?.id !== unit.id) return;
      this.unitPeople = detail.people;
      const first = detail.people[0];
      if (!this.person && first && detail.people.length === 1) this.person = { id: first.personId, label: personLabel({ name: first.name ?? '', phone: first.phone }) };
    } catch {
      this.unitPeople = [];
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#unit-clear')?.focus();
  }

  #searchPeople(q: string) {
    this.personQuery = q;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(async () => {
      if (!q.trim()) {
        this.personResults = null;
        return;
      }
      try {
        const rows = await searchPeopleRows(q);
        if (q === this.personQuery) this.personResults = rows;
      } catch {
        this.personResults = [];
      }
    }, 200);
  }

  #choosePerson(p: PersonChoice) {
    this.person = p;
    this.personResults = null;
    this.personQuery = '';
  }

  #error(key: string) {
    const msg = this.errors[key];
    return msg ? html`<div class="field-error" role="alert">${msg}</div>` : null;
  }

  override render() {
    const { projects } = appState();
    return html`
      <div class="row">
        <label>${t('project')}
          <select name="projectId" required @change=${(e: Event) => this.#setProject(Number((e.target as HTMLSelectElement).value) || null)}>
            ${projects.map((p) => html`<option value=${p.id} ?selected=${this.projectId === p.id}>${p.name}</option>`)}
          </select>
          ${this.#error('projectId')}
        </label>
        <label>${t('building')}
          <select name="buildingId" @change=${(e: Event) => { this.buildingId = Number((e.target as HTMLSelectElement).value) || null; this.#clearUnit(); }}>
            <option value="">${t('chooseBuilding')}</option>
            ${this.buildings.map((b) => html`<option value=${b.id} ?selected=${this.buildingId === b.id}>${b.name}</option>`)}
          </select>
        </label>
        <div>
          ${this.unit ? html`
            <span class="caption">${t('unit')}</span>
            <div class="chosen"><strong data-testid="chosen-unit">${this.unit.label}</strong>
              <button id="unit-clear" type="button" @click=${() => this.#clearUnit()} aria-label="${t('clear')} ${this.unit.label}">✕</button></div>` : html`
            <label>${t('unit')}
              <input type="search" name="unit" autocomplete="off" .value=${this.unitQuery} placeholder=${t('unitSearch')} maxlength="32"
                @input=${(e: Event) => this.#searchUnits((e.target as HTMLInputElement).value)} aria-controls="unit-results" />
            </label>
            ${this.unitResults ? html`<ul class="results" id="unit-results" aria-label=${t('unit')}>
              ${this.unitResults.length ? this.unitResults.map((r) => html`<li><button type="button" @click=${() => this.#chooseUnit(r.unit, r.label)}>${r.label}</button></li>`) : html`<li class="muted" style="padding:6px 10px">${t('noMatches')}</li>`}
            </ul>` : null}`}
          ${this.#error('unitId')}
        </div>
        <div>
          ${this.person ? html`
            <span class="caption">${t('person')}</span>
            <div class="chosen"><strong data-testid="chosen-person">${this.person.label}</strong>
              <button type="button" @click=${() => { this.person = null; }} aria-label="${t('clear')} ${this.person.label}">✕</button></div>` : html`
            <label>${t('person')}
              <input type="search" name="person" autocomplete="off" .value=${this.personQuery} placeholder=${t('personSearch')} maxlength="50"
                @input=${(e: Event) => this.#searchPeople((e.target as HTMLInputElement).value)} />
            </label>
            ${this.unitPeople.length ? html`<div class="people" aria-label=${t('personOfUnit')}>
              ${this.unitPeople.map((p) => html`<button type="button" @click=${() => this.#choosePerson({ id: p.personId, label: personLabel({ name: p.name ?? '', phone: p.phone }) })}>
                ${p.name} · ${tOr(`relation_${p.relation}`, p.relation)}</button>`)}
            </div>` : null}
            ${this.personResults ? html`<ul class="results" aria-label=${t('person')}>
              ${this.personResults.length ? this.personResults.map((p) => html`<li><button type="button" @click=${() => this.#choosePerson({ id: p.id, label: personLabel(p) })}>${personLabel(p)}</button></li>`) : html`<li class="muted" style="padding:6px 10px">${t('noMatches')}</li>`}
            </ul>` : null}`}
          ${this.#error('personId')}
        </div>
      </div>
    `;
  }
}

customElements.define('wy-household-picker', WyHouseholdPicker);

declare global {
  interface HTMLElementTagNameMap {
    'wy-household-picker': WyHouseholdPicker;
  }
}
