import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { api, ApiError } from '../api.js';
import { caseTypeInfo, caseTypeTitle, projectName, stateTitle } from '../app-state.js';
import { formatDateTime } from '../format.js';
import { I18nController, t, tOr } from '../i18n.js';
import { caseHref, href } from '../router.js';
import { userHasPermission } from '../permissions.js';
import { slotPanels } from '../plugin-ui-registry.js';
import { unitLabel } from '../services.js';
import { base } from '../styles.js';
import type { UnitDetail } from '../types.js';

/** 住户档案 of one unit: its residents and every case of the household, by case type. */
export class WyHouseholdPage extends LitElement {
  static override properties = {
    unitId: { type: Number },
    unit: { state: true },
    label: { state: true },
    error: { state: true },
  };

  static override styles = [base, css`
    :host { display: block; }
    dl { display: flex; gap: 24px; flex-wrap: wrap; margin: 0; }
    dt { font-size: 12px; color: var(--wy-muted); }
    dd { margin: 2px 0 0; }
    .back { display: inline-block; margin-bottom: 8px; }
    h3 { margin-top: 16px; }
  `];

  declare unitId: number;
  declare unit: UnitDetail | null;
  declare label: string;
  declare error: string;

  constructor() {
    super();
    new I18nController(this);
    this.unitId = 0;
    this.unit = null;
    this.label = '';
    this.error = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('unitId')) void this.#load();
  }

  async #load() {
    this.unit = null;
    try {
      const unit = await api.get<UnitDetail>(`/api/units/${this.unitId}`);
      this.label = await unitLabel(unit);
      this.unit = unit;
      this.error = '';
    } catch (err) {
      this.error = err instanceof ApiError && err.status === 404 ? t('notFound') : err instanceof ApiError && err.status ? err.message : t('networkError');
    }
  }

  /** What the enabled plugins show for a unit (an account link, a deposit …), each element given the unit's id. */
  #slots(unitId: number) {
    const panels = slotPanels('household').filter((p) => userHasPermission(p.permission));
    if (!panels.length) return nothing;
    for (const p of panels) if (!customElements.get(p.tag)) void p.load().then(() => this.requestUpdate(), () => undefined);
    return panels.map((p) => {
      const tag = unsafeStatic(p.tag);
      return staticHtml`<${tag} .unitId=${unitId}></${tag}>`;
    });
  }

  override render() {
    if (this.error) return html`<div class="card"><div class="error-box" role="alert">${this.error}</div></div>`;
    const u = this.unit;
    if (!u) return html`<p role="status">${t('loading')}</p>`;
    const types = Object.keys(u.cases);
    return html`
      <a class="back" href=${href('/households')}>‹ ${t('householdsTitle')}</a>
      <h1>${projectName(u.projectId)} ${this.label}</h1>
      ${this.#slots(u.id)}
      <section class="card">
        <dl>
          <div><dt>${t('area')}</dt><dd>${t('m2', { n: u.area })}</dd></div>
          <div><dt>${t('unitType')}</dt><dd>${tOr(`unitType_${u.unitType}`, u.unitType)}</dd></div>
          <div><dt>${t('unitStatus')}</dt><dd>${tOr(`unitStatus_${u.status}`, u.status)}</dd></div>
        </dl>
      </section>
      <section class="card" aria-labelledby="people-title">
        <h2 id="people-title">${t('people')}</h2>
        ${u.people.length ? html`<table>
          <thead><tr><th scope="col">${t('name')}</th><th scope="col">${t('relation')}</th><th scope="col">${t('phone')}</th></tr></thead>
          <tbody>${u.people.map((p) => html`<tr><td>${p.name ?? ''}</td><td>${tOr(`relation_${p.relation}`, p.relation)}</td><td>${p.phone ? html`<a href=${`tel:${p.phone.replace(/[^\d+]/g, '')}`}>${p.phone}</a>` : ''}</td></tr>`)}</tbody>
        </table>` : html`<p class="muted">${t('noPeople')}</p>`}
      </section>
      <section class="card" aria-labelledby="cases-title">
        <h2 id="cases-title">${t('casesOfUnit')}</h2>
        ${types.length ? types.map((type) => html`
          <h3>${caseTypeTitle(type)} (${u.cases[type]!.length})</h3>
          <table>
            <thead><tr><th scope="col">${t('colSerial')}</th><th scope="col">${t('colTitle')}</th><th scope="col">${t('colState')}</th><th scope="col">${t('colCreated')}</th><th scope="col">${t('closedAt')}</th></tr></thead>
            <tbody>${u.cases[type]!.map((c) => html`<tr>
              <td>${caseTypeInfo(type) ? html`<a class="serial" href=${caseHref(type, c.id)}>${c.serial}</a>` : html`<span class="serial">${c.serial}</span>`}</td>
              <td>${c.title ?? ''}</td>
              <td><span class="badge ${c.closedAt ? 'final' : c.overdue ? 'danger' : ''}">${stateTitle(type, c.state)}</span></td>
              <td class="muted">${formatDateTime(c.createdAt)}</td>
              <td class="muted">${formatDateTime(c.closedAt)}</td>
            </tr>`)}</tbody>
          </table>`) : html`<p class="muted">${t('noCases')}</p>`}
      </section>
    `;
  }
}

customElements.define('wy-household-page', WyHouseholdPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-household-page': WyHouseholdPage;
  }
}
