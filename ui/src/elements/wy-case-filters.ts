import { LitElement, css, html, type PropertyValues } from 'lit';
import { appState, buildingsOf, caseTypeInfo } from '../app-state.js';
import { I18nController, loc, t } from '../i18n.js';
import { base } from '../styles.js';
import type { Building } from '../types.js';

/** The filters of a case list, as they appear in the route's query. */
export interface CaseFilters {
  q?: string;
  state?: string;
  projectId?: string;
  buildingId?: string;
  mine?: string;
  overdue?: string;
  open?: string;
  from?: string;
  to?: string;
}

export const FILTER_KEYS = ['q', 'state', 'projectId', 'buildingId', 'mine', 'overdue', 'open', 'from', 'to'] as const;

/**
 * The filter bar of a case list: search (serial or text), state, project, building, assigned to
 * me, overdue, open, date range.
 * @fires wy-filter - detail: CaseFilters, when applied or reset
 */
export class WyCaseFilters extends LitElement {
  static override properties = {
    caseType: { type: String, attribute: 'case-type' },
    value: { attribute: false },
    buildings: { state: true },
    projectId: { state: true },
  };

  static override styles = [base, css`
    :host { display: block; }
    form { display: flex; flex-wrap: wrap; gap: 10px 14px; align-items: flex-end; }
    input[type='search'] { width: 200px; }
    .checks { display: flex; gap: 12px; align-items: center; min-height: 32px; }
  `];

  declare caseType: string;
  declare value: CaseFilters;
  declare buildings: Building[];
  declare projectId: string;

  constructor() {
    super();
    new I18nController(this);
    this.caseType = '';
    this.value = {};
    this.buildings = [];
    this.projectId = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value')) this.projectId = this.value.projectId ?? '';
    if (changed.has('projectId') || changed.has('value')) void this.#loadBuildings();
  }

  async #loadBuildings() {
    const id = Number(this.projectId);
    if (!id) {
      this.buildings = [];
      return;
    }
    try {
      this.buildings = await buildingsOf(id);
    } catch {
      this.buildings = [];
    }
  }

  #submit(e: Event) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const filters: CaseFilters = {};
    for (const key of FILTER_KEYS) {
      const v = String(data.get(key) ?? '').trim();
      if (v) filters[key] = v;
    }
    this.dispatchEvent(new CustomEvent<CaseFilters>('wy-filter', { detail: filters, bubbles: true, composed: true }));
  }

  #reset() {
    this.dispatchEvent(new CustomEvent<CaseFilters>('wy-filter', { detail: {}, bubbles: true, composed: true }));
  }

  override render() {
    const info = caseTypeInfo(this.caseType);
    const v = this.value;
    const { projects } = appState();
    return html`
      <form @submit=${this.#submit} role="search" aria-label=${t('filters')}>
        <label>${t('search')}<input type="search" name="q" maxlength="100" .value=${v.q ?? ''} placeholder=${t('searchPlaceholder')} /></label>
        <label>${t('filterState')}
          <select name="state">
            <option value="">${t('filterAll')}</option>
            ${Object.entries(info?.states ?? {}).map(([id, s]) => html`<option value=${id} ?selected=${v.state === id}>${loc(s.title)}</option>`)}
          </select>
        </label>
        <label>${t('filterProject')}
          <select name="projectId" @change=${(e: Event) => { this.projectId = (e.target as HTMLSelectElement).value; }}>
            <option value="">${t('filterAll')}</option>
            ${projects.map((p) => html`<option value=${p.id} ?selected=${this.projectId === String(p.id)}>${p.name}</option>`)}
          </select>
        </label>
        <label>${t('filterBuilding')}
          <select name="buildingId" ?disabled=${!this.buildings.length}>
            <option value="">${t('filterAll')}</option>
            ${this.buildings.map((b) => html`<option value=${b.id} ?selected=${v.buildingId === String(b.id)}>${b.name}</option>`)}
          </select>
        </label>
        <label>${t('filterFrom')}<input type="date" name="from" .value=${v.from ?? ''} /></label>
        <label>${t('filterTo')}<input type="date" name="to" .value=${v.to ?? ''} /></label>
        <div class="checks">
          <label class="inline"><input type="checkbox" name="mine" value="1" ?checked=${v.mine === '1'} />${t('filterMine')}</label>
          <label class="inline"><input type="checkbox" name="overdue" value="1" ?checked=${v.overdue === '1'} />${t('filterOverdue')}</label>
          <label class="inline"><input type="checkbox" name="open" value="1" ?checked=${v.open === '1'} />${t('filterOpen')}</label>
        </div>
        <button class="primary" type="submit">${t('apply')}</button>
        <button type="button" @click=${this.#reset}>${t('reset')}</button>
      </form>
    `;
  }
}

customElements.define('wy-case-filters', WyCaseFilters);

declare global {
  interface HTMLElementTagNameMap {
    'wy-case-filters': WyCaseFilters;
  }
}
