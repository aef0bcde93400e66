import { LitElement, css, html, type PropertyValues } from 'lit';
import { api } from '../api.js';
import { appState, buildingsOf } from '../app-state.js';
import { I18nController, t, tOr } from '../i18n.js';
import { personLabel, searchPeopleRows, searchUnitRows, unitLabel } from '../services.js';
import { base } from '../styles.js';
import type { Building, PersonRow, UnitDetail, UnitRow } from '../types.js';
import type { ComboOption } from './wy-combobox.js';
import './wy-combobox.js';

/** What the desk picked, with what forms may take from it (the room's area, the resident's name and phone). */
export interface HouseholdChoice {
  projectId: number | null;
  unitId: number | null;
  personId: number | null;
  unit?: { label: string; area: string | null } | null;
  person?: { name: string; phone: string | null } | null;
}

interface UnitChoice {
  id: number;
  label: string;
  area: string | null;
}

interface PersonChoice {
  id: number;
  name: string;
  phone: string | null;
}

/** A resident found by name or phone, once per room they are linked to (or once without a room). */
interface PersonHit {
  key: string;
  person: PersonChoice;
  unit: { id: number; projectId: number; label: string } | null;
  relation: string | null;
}

const SEARCH_DELAY_MS = 200;

/**
 * Project, room and resident for a new case. A caller is usually found by phone: typing a few
 * digits lists the matching residents with their rooms, and picking one fills both room and
 * resident (and the project the room is in). A room found by its number shows its owner; a room
 * with one resident picks them. Both lists work with ↓/↑/Enter.
 * @fires wy-household-change - detail: HouseholdChoice
 */
export class WyHouseholdPicker extends LitElement {
  static override properties = {
    projectId: { state: true },
    buildingId: { state: true },
    buildings: { state: true },
    unitOptions: { state: true },
    unit: { state: true },
    unitPeople: { state: true },
    personOptions: { state: true },
    person: { state: true },
    errors: { attribute: false },
  };

  static override styles = [base, css`
    :host { display: block; }
    .row { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px 16px; }
    label { width: 100%; }
    select { width: 100%; }
    .chosen { display: flex; align-items: center; gap: 8px; min-height: 32px; flex-wrap: wrap; }
    .chosen strong { font-weight: 600; }
    .people { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 6px; }
    .caption { display: block; font-size: 13px; color: var(--wy-muted); margin-bottom: 4px; }
    .field-error { color: var(--wy-danger); font-size: 12px; }
  `];

  declare projectId: number | null;
  declare buildingId: number | null;
  declare buildings: Building[];
  declare unitOptions: ComboOption[] | null;
  declare unit: UnitChoice | null;
  declare unitPeople: UnitDetail['people'];
  declare personOptions: ComboOption[] | null;
  declare person: PersonChoice | null;
  /** server issues for /projectId, /unitId, /personId */
  declare errors: Record<string, string>;
  #unitTimer: ReturnType<typeof setTimeout> | undefined;
  #personTimer: ReturnType<typeof setTimeout> | undefined;
  #unitRows = new Map<string, { unit: UnitRow; label: string }>();
  #personHits = new Map<string, PersonHit>();
  #unitQuery = '';
  #personQuery = '';

  constructor() {
    super();
    new I18nController(this);
    this.projectId = null;
    this.buildingId = null;
    this.buildings = [];
    this.unitOptions = null;
    this.unit = null;
    this.unitPeople = [];
    this.personOptions = null;
    this.person = null;
    this.errors = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.projectId === null) this.projectId = appState().projects[0]?.id ?? null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#unitTimer);
    clearTimeout(this.#personTimer);
  }

  get value(): HouseholdChoice {
    return {
      projectId: this.projectId,
      unitId: this.unit?.id ?? null,
      personId: this.person?.id ?? null,
      unit: this.unit ? { label: this.unit.label, area: this.unit.area } : null,
      person: this.person ? { name: this.person.name, phone: this.person.phone } : null,
    };
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
    this.unitOptions = null;
  }

  // --- rooms ---------------------------------------------------------------------------------------

  #searchUnits(q: string) {
    this.#unitQuery = q;
    clearTimeout(this.#unitTimer);
    this.#unitTimer = setTimeout(async () => {
      const pid = this.projectId;
      if (!pid || !q.trim()) {
        this.unitOptions = null;
        return;
      }
      try {
        const rows = await searchUnitRows(pid, q, this.buildingId);
        const labelled = await Promise.all(rows.map(async (unit) => ({ unit, label: await unitLabel(unit) })));
        if (q !== this.#unitQuery) return;
        this.#unitRows = new Map(labelled.map((r) => [String(r.unit.id), r]));
        this.unitOptions = labelled.map((r) => ({
          key: String(r.unit.id), label: r.label,
          detail: r.unit.owners?.length ? `${t('relation_owner')} ${r.unit.owners.join('、')}` : undefined,
        }));
      } catch {
        this.unitOptions = [];
      }
    }, SEARCH_DELAY_MS);
  }

  #pickUnit(key: string) {
    const row = this.#unitRows.get(key);
    if (row) void this.#chooseUnit({ id: row.unit.id, label: row.label, area: row.unit.area ?? null });
  }

  async #chooseUnit(unit: UnitChoice, opts: { focus?: boolean } = {}) {
    this.unit = unit;
    this.unitOptions = null;
    try {
      const detail = await api.get<UnitDetail>(`/api/units/${unit.id}`);
      if (this.unit?.id !== unit.id) return;
      this.unitPeople = detail.people;
      if (this.unit.area === null) this.unit = { ...this.unit, area: detail.area };
      const first = detail.people[0];
      if (!this.person && first && detail.people.length === 1) this.person = { id: first.personId, name: first.name ?? '', phone: first.phone };
    } catch {
      this.unitPeople = [];
    }
    if (opts.focus === false) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#unit-clear')?.focus();
  }

  // --- residents -----------------------------------------------------------------------------------

  #searchPeople(q: string) {
    this.#personQuery = q;
    clearTimeout(this.#personTimer);
    this.#personTimer = setTimeout(async () => {
      if (!q.trim()) {
        this.personOptions = null;
        return;
      }
      try {
        const rows = await searchPeopleRows(q);
        const hits = await this.#hitsOf(rows);
        if (q !== this.#personQuery) return;
        this.#personHits = new Map(hits.map((h) => [h.key, h]));
        this.personOptions = hits.map((h) => ({
          key: h.key,
          label: personLabel({ name: h.person.name, phone: h.person.phone }),
          detail: h.unit ? `${h.unit.label}${h.relation ? ` · ${tOr(`relation_${h.relation}`, '')}` : ''}` : undefined,
        }));
      } catch {
        this.personOptions = [];
      }
    }, SEARCH_DELAY_MS);
  }

  /** One suggestion per (resident, room): the rooms labelled with their building, this project's first. */
  async #hitsOf(rows: PersonRow[]): Promise<PersonHit[]> {
    const hits: PersonHit[] = [];
    for (const p of rows) {
      const person = { id: p.id, name: p.name, phone: p.phone };
      const rooms = p.units.filter((u) => u.projectId != null && u.buildingId != null && u.number != null);
      if (!rooms.length) hits.push({ key: `${p.id}`, person, unit: null, relation: null });
      for (const u of rooms) {
        const label = await unitLabel({ projectId: u.projectId!, buildingId: u.buildingId!, number: u.number! });
        hits.push({ key: `${p.id}:${u.unitId}`, person, unit: { id: u.unitId, projectId: u.projectId!, label }, relation: u.relation });
      }
    }
    const here = (h: PersonHit) => (h.unit && h.unit.projectId === this.projectId ? 0 : 1);
    return hits.sort((a, b) => here(a) - here(b));
  }

  #pickPerson(key: string) {
    const hit = this.#personHits.get(key);
    if (!hit) return;
    this.person = hit.person;
    this.personOptions = null;
    // the caller's room comes with them (and its project, when they live in another one I work in)
    if (hit.unit && this.unit?.id !== hit.unit.id) {
      if (hit.unit.projectId !== this.projectId) {
        this.projectId = hit.unit.projectId;
        this.buildingId = null;
      }
      void this.#chooseUnit({ id: hit.unit.id, label: hit.unit.label, area: null }, { focus: false });
    }
  }

  #choosePerson(p: PersonChoice) {
    this.person = p;
    this.personOptions = null;
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
            <wy-combobox .name=${'unit'} .label=${t('unit')} .placeholder=${t('unitSearch')} .maxLength=${32} .options=${this.unitOptions}
              @wy-query=${(e: CustomEvent<string>) => this.#searchUnits(e.detail)} @wy-pick=${(e: CustomEvent<string>) => this.#pickUnit(e.detail)}></wy-combobox>`}
          ${this.#error('unitId')}
        </div>
        <div>
          ${this.person ? html`
            <span class="caption">${t('person')}</span>
            <div class="chosen"><strong data-testid="chosen-person">${personLabel({ name: this.person.name, phone: this.person.phone })}</strong>
              <button type="button" @click=${() => { this.person = null; }} aria-label="${t('clear')} ${this.person.name}">✕</button></div>` : html`
            <wy-combobox .name=${'person'} .label=${t('person')} .placeholder=${t('personSearch')} .maxLength=${50} .options=${this.personOptions}
              @wy-query=${(e: CustomEvent<string>) => this.#searchPeople(e.detail)} @wy-pick=${(e: CustomEvent<string>) => this.#pickPerson(e.detail)}></wy-combobox>
            ${this.unitPeople.length ? html`<div class="people" aria-label=${t('personOfUnit')}>
              ${this.unitPeople.map((p) => html`<button type="button" @click=${() => this.#choosePerson({ id: p.personId, name: p.name ?? '', phone: p.phone })}>
                ${p.name} · ${tOr(`relation_${p.relation}`, p.relation)}</button>`)}
            </div>` : null}`}
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
