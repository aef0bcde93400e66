import { LitElement, css, html, nothing } from 'lit';
import { api } from '../../../../ui/src/plugin-ui-api.js';
import { appState } from '../../../../ui/src/plugin-ui-api.js';
import { I18nController } from '../../../../ui/src/plugin-ui-api.js';
import { base } from '../../../../ui/src/plugin-ui-api.js';
import { adminStyles } from '../../../../ui/src/plugin-admin-api.js';
import { draft, DraftController } from '../../../../ui/src/plugin-admin-api.js';
import { ft } from './fee-i18n.js';
import { FEE_KINDS, IDENT, isDate, METERS, unitTypesInRates, type FeeItem, type FeeKind } from './fee-settings.js';
import { BILLING, editFees, feeSettings, fnote, settingsBase } from './fee-view.js';
import { focusPointer } from '../../../../ui/src/plugin-admin-api.js';
import type { UnitRow } from '../../../../ui/src/plugin-ui-api.js';
import './wy-admin-fee-cycle.js';
import './wy-admin-fee-item.js';
import './wy-admin-fee-policies.js';
import './wy-admin-fee-dry-run.js';

/**
 * 收费标准 — the billing plugin's settings in the editor, for the company or one project: the
 * cycle and its calendar rule, fee items with effective-dated rates, shares, late fee, dunning,
 * collection targets, and a fee dry run on a sample unit. Every edit goes into the draft as the
 * merge-patch entry `plugins.billing.config` (or `projects.<code>.plugins.billing.config`) and
 * follows the editor's review → propose → activate flow.
 */
export class WyAdminFeesPage extends LitElement {
  static override properties = {
    query: { attribute: false },
    registryTypes: { state: true },
    newCode: { state: true },
    newZh: { state: true },
    newEn: { state: true },
    newKind: { state: true },
    newFrom: { state: true },
    addError: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    .new-item .row input { width: 150px; }
    .new-item .row input.date { width: 120px; }
  `];

  declare query: URLSearchParams;
  declare registryTypes: string[];
  declare newCode: string;
  declare newZh: string;
  declare newEn: string;
  declare newKind: FeeKind;
  declare newFrom: string;
  declare addError: { field: 'code' | 'zh' | 'from'; message: string } | null;
  #focused = '';

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
    this.query = new URLSearchParams();
    this.registryTypes = [];
    this.newCode = '';
    this.newZh = '';
    this.newEn = '';
    this.newKind = 'area';
    this.newFrom = '';
    this.addError = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#loadUnitTypes();
  }

  /** The unit types of the company's registry (a page of units per project is enough to find them). */
  async #loadUnitTypes() {
    const types = new Set<string>();
    await Promise.all(appState().projects.map(async (p) => {
      try {
        const res = await api.get<{ items: UnitRow[] }>('/api/units', { projectId: p.id, limit: 200 });
        for (const u of res.items) if (u.unitType) types.add(u.unitType);
      } catch {
        // the rate table still shows the unit types its rates name
      }
    }));
    this.registryTypes = [...types].sort();
  }

  override updated(): void {
    const focus = this.query.get('focus');
    if (focus && focus !== this.#focused) {
      // the controls live in child elements that render a frame later
      requestAnimationFrame(() => { if (focusPointer(this.renderRoot, focus)) this.#focused = focus; });
    }
  }

  #unitTypes(): string[] {
    const s = feeSettings();
    const order = ['residential', 'commercial', 'parking'];
    const all = [...new Set([...this.registryTypes, ...unitTypesInRates(s?.feeItems ?? {})])];
    return all.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
  }

  #addItem() {
    const s = feeSettings();
    if (!s) return;
    const code = this.newCode.trim();
    if (!IDENT.test(code)) return void (this.addError = { field: 'code', message: ft('itemCodeInvalid') });
    if (s.feeItems[code]) return void (this.addError = { field: 'code', message: ft('itemCodeTaken', { code }) });
    if (!this.newZh.trim()) return void (this.addError = { field: 'zh', message: ft('itemTitleRequired') });
    if (!isDate(this.newFrom.trim())) return void (this.addError = { field: 'from', message: ft('itemFromRequired') });
    this.addError = null;
    const item: FeeItem = {
      title: this.newEn.trim() ? { 'zh-CN': this.newZh.trim(), en: this.newEn.trim() } : { 'zh-CN': this.newZh.trim() },
      kind: this.newKind,
      rates: [this.newKind === 'metered' ? { from: this.newFrom.trim(), price: '' } : { from: this.newFrom.trim(), byUnitType: {} }],
      active: true,
    };
    if (this.newKind === 'metered') item.meter = METERS[0];
    editFees((x) => { x.feeItems = { ...x.feeItems, [code]: item }; });
    this.newCode = this.newZh = this.newEn = this.newFrom = '';
  }

  #newItemForm() {
    const err = this.addError;
    const field = (name: 'code' | 'zh' | 'from') => (err?.field === name ? 'true' : 'false');
    const described = (name: 'code' | 'zh' | 'from') => (err?.field === name ? 'new-item-error' : nothing);
    return html`
      <section class="new-item" aria-labelledby="new-item-title" data-testid="new-fee-item">
        <h3 id="new-item-title">${ft('newItem')}</h3>
        <div class="row">
          <label>${ft('itemCode')}<input .value=${this.newCode} maxlength="32" placeholder="elevator" aria-invalid=${field('code')} aria-describedby=${described('code')}
            @input=${(e: Event) => { this.newCode = (e.target as HTMLInputElement).value; }}></label>
          <label>${ft('itemTitleZh')}<input .value=${this.newZh} maxlength="100" aria-invalid=${field('zh')} aria-describedby=${described('zh')}
            @input=${(e: Event) => { this.newZh = (e.target as HTMLInputElement).value; }}></label>
          <label>${ft('itemTitleEn')}<input .value=${this.newEn} maxlength="100" @input=${(e: Event) => { this.newEn = (e.target as HTMLInputElement).value; }}></label>
          <label>${ft('kind')}<select @change=${(e: Event) => { this.newKind = (e.target as HTMLSelectElement).value as FeeKind; }}>
            ${FEE_KINDS.map((k) => html`<option value=${k} ?selected=${this.newKind === k}>${ft(`kind_${k}`)}</option>`)}</select></label>
          <label>${ft('from')}<input class="date" .value=${this.newFrom} placeholder="YYYY-MM-DD" aria-invalid=${field('from')} aria-describedby=${described('from')}
            @input=${(e: Event) => { this.newFrom = (e.target as HTMLInputElement).value; }}></label>
          <button type="button" @click=${this.#addItem}>${ft('addItem')}</button>
        </div>
        <p class="hint">${ft('itemCodeHint')}</p>
        ${err ? html`<span class="issue" role="alert" id="new-item-error">${err.message}</span>` : nothing}
      </section>`;
  }

  override render() {
    const scope = draft.scope;
    if (!draft.pluginEnabled(BILLING, scope)) return html`<div class="card"><p>${ft('notEnabled')}</p></div>`;
    const s = feeSettings();
    if (!s) return html`<div class="card"><p>${ft('notEnabled')}</p></div>`;
    const types = this.#unitTypes();
    return html`
      <p class="hint">${ft('hint')}</p>
      ${scope ? html`<p><span class="badge ${draft.settingsOverridden(BILLING, scope) ? 'overridden' : ''}">${draft.settingsOverridden(BILLING, scope) ? ft('projectOverrides') : ft('projectInherits')}</span></p>` : nothing}
      ${fnote(settingsBase())}
      <section class="card" aria-labelledby="cycle-title">
        <h2 id="cycle-title">${ft('cycleCard')}</h2>
        <wy-admin-fee-cycle></wy-admin-fee-cycle>
      </section>
      <section class="card" aria-labelledby="items-title">
        <h2 id="items-title">${ft('itemsCard')}</h2>
        <p class="hint">${ft('itemsHint')}</p>
        ${Object.keys(s.feeItems).filter((code) => s.feeItems[code]).map((code) => html`<wy-admin-fee-item data-fee=${code} .code=${code} .unitTypes=${types}></wy-admin-fee-item>`)}
        ${this.#newItemForm()}
      </section>
      <section class="card" aria-labelledby="shares-title">
        <h2 id="shares-title">${ft('sharesCard')}</h2>
        <wy-admin-fee-policies group="shares"></wy-admin-fee-policies>
      </section>
      <section class="card" aria-labelledby="collect-title">
        <h2 id="collect-title">${ft('collectCard')}</h2>
        <wy-admin-fee-policies group="collection"></wy-admin-fee-policies>
      </section>
      <section class="card" aria-labelledby="fee-dry-run-title">
        <h2 id="fee-dry-run-title">${ft('dryRun')}</h2>
        <wy-admin-fee-dry-run .unitTypes=${types}></wy-admin-fee-dry-run>
      </section>
    `;
  }
}

customElements.define('wy-admin-fees-page', WyAdminFeesPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-fees-page': WyAdminFeesPage;
  }
}
