import { LitElement, css, html, nothing } from 'lit';
import { I18nController, loc } from '../../../../ui/src/plugin-ui-api.js';
import { base } from '../../../../ui/src/plugin-ui-api.js';
import { adminStyles } from '../../../../ui/src/plugin-admin-api.js';
import { DraftController } from '../../../../ui/src/plugin-admin-api.js';
import { ft, unitTypeName } from './fee-i18n.js';
import { FEE_KINDS, isDate, METERS, rateOn, UNIT_TYPE, type FeeItem, type FeeKind, type Rate } from './fee-settings.js';
import { editFees, fctl, fdescribed, feeSettings, finvalid, fnote, fp } from './fee-view.js';
import { shanghaiToday } from './fee-dates.js';

/**
 * One fee item of the billing settings: names, how it is charged, flags, and its rates by
 * effective date — a row per tariff, a column per unit type (or one price for metered fees).
 * A new tariff is a new row; older rows stay, so earlier periods keep their rates.
 */
export class WyAdminFeeItem extends LitElement {
  static override properties = {
    code: { type: String },
    unitTypes: { attribute: false },
    newFrom: { state: true },
    newFromError: { state: true },
    newType: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    .item { border: 1px solid var(--wy-border); border-radius: var(--wy-radius); padding: 12px; margin-bottom: 12px; background: #fff; }
    .item.off { background: #fafbfc; }
    .rates { overflow-x: auto; margin-top: 10px; }
    .rates table { width: auto; min-width: 100%; }
    .rates th, .rates td { padding: 4px 6px; }
    .rates input { width: 110px; }
    .rates input.date { width: 118px; }
    .rates td.state { white-space: nowrap; }
    .badge.future { background: #fff4e0; color: #8a5300; }
    .badge.past { background: #eceff1; color: #455a64; }
    .add { margin-top: 8px; }
    .perunit { font-weight: normal; font-size: 11px; color: var(--wy-muted); display: block; }
    .flags { display: flex; gap: 14px; flex-wrap: wrap; align-items: center; }
    .flags label { flex-direction: row; align-items: center; gap: 4px; color: inherit; }
  `];

  declare code: string;
  declare unitTypes: string[];
  declare newFrom: string;
  declare newFromError: string;
  declare newType: string;

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
    this.code = '';
    this.unitTypes = [];
    this.newFrom = '';
    this.newFromError = '';
    this.newType = '';
  }

  #item(): FeeItem | undefined {
    return feeSettings()?.feeItems[this.code];
  }

  #edit(edit: (item: FeeItem) => void) {
    editFees((s) => {
      const item = s.feeItems[this.code];
      if (item) edit(item);
    });
  }

  #name(item: FeeItem) {
    return loc(item.title) || this.code;
  }

  /** Unit-type columns: the registry's and the page's, plus any this item's rates name. */
  #columns(item: FeeItem): string[] {
    const cols = new Set(this.unitTypes);
    for (const r of item.rates) for (const k of Object.keys(r.byUnitType ?? {})) cols.add(k);
    if (this.newType && UNIT_TYPE.test(this.newType)) cols.add(this.newType);
    return [...cols];
  }

  #setKind(kind: FeeKind) {
    this.#edit((item) => {
      const wasMetered = item.kind === 'metered';
      item.kind = kind;
      if (kind === 'metered') {
        item.meter ??= 'water';
        if (!wasMetered) item.rates = item.rates.map((r) => ({ from: r.from, price: Object.values(r.byUnitType ?? {})[0] ?? '' }));
      } else {
        delete item.meter;
        if (wasMetered) item.rates = item.rates.map((r): Rate => ({ from: r.from, byUnitType: r.price ? { residential: r.price } : {} }));
      }
    });
  }

  #setRate(index: number, type: string | null, value: string) {
    const v = value.trim();
    this.#edit((item) => {
      const rate = item.rates[index];
      if (!rate) return;
      if (type === null) rate.price = v;
      else {
        const by = { ...(rate.byUnitType ?? {}) };
        if (v === '') delete by[type];
        else by[type] = v;
        rate.byUnitType = by;
      }
    });
  }

  #addRate() {
    const item = this.#item();
    if (!item) return;
    const from = this.newFrom.trim();
    if (!isDate(from)) {
      this.newFromError = ft('check_date_format');
      return;
    }
    if (item.rates.some((r) => r.from === from)) {
      this.newFromError = ft('check_duplicate_from');
      return;
    }
    this.newFromError = '';
    this.#edit((it) => {
      const latest = [...it.rates].sort((a, b) => (a.from < b.from ? 1 : -1))[0];
      const row: Rate = it.kind === 'metered' ? { from, price: latest?.price ?? '' } : { from, byUnitType: { ...(latest?.byUnitType ?? {}) } };
      it.rates = [...it.rates, row].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    });
    this.newFrom = '';
  }

  #removeRate(index: number) {
    this.#edit((item) => { item.rates = item.rates.filter((_, i) => i !== index); });
  }

  #remove() {
    const item = this.#item();
    if (!item || !confirm(ft('removeItemConfirm', { name: this.#name(item) }))) return;
    editFees((s) => { delete s.feeItems[this.code]; });
  }

  #rateState(item: FeeItem, rate: Rate) {
    const today = shanghaiToday();
    if (rate.from > today) return html`<span class="badge future">${ft('rateFuture')}</span>`;
    return rateOn(item.rates, today) === rate ? html`<span class="badge">${ft('rateInForce')}</span>` : html`<span class="badge past">${ft('ratePast')}</span>`;
  }

  #ratesTable(item: FeeItem) {
    const name = this.#name(item);
    const metered = item.kind === 'metered';
    const cols = metered ? [] : this.#columns(item);
    const perUnit = ft(`perUnit_${item.kind}`);
    return html`
      <div class="rates">
        <table data-testid="rates">
          <thead><tr>
            <th>${ft('from')}</th>
            ${metered ? html`<th>${ft('price')}<span class="perunit">${perUnit}</span></th>`
              : cols.map((c) => html`<th>${unitTypeName(c)}<span class="perunit">${perUnit}</span></th>`)}
            <th></th><th></th>
          </tr></thead>
          <tbody>
            ${item.rates.map((r, i) => {
              const pFrom = fp('feeItems', this.code, 'rates', i, 'from');
              return html`<tr data-rate-from=${r.from}>
                <td>
                  <input class="date" .value=${r.from} placeholder="YYYY-MM-DD" aria-label=${ft('fromOf', { item: name, n: i + 1 })}
                    data-pointer=${fctl(pFrom)} aria-invalid=${finvalid(pFrom)} aria-describedby=${fdescribed(pFrom)}
                    @change=${(e: Event) => { const v = (e.target as HTMLInputElement).value.trim(); this.#edit((it) => { it.rates[i]!.from = v; }); }}>
                  ${fnote(pFrom)}
                </td>
                ${metered ? this.#cell(i, null, r.price ?? '', ft('priceOf', { item: name, from: r.from }), fp('feeItems', this.code, 'rates', i, 'price'))
                  : cols.map((c) => this.#cell(i, c, r.byUnitType?.[c] ?? '', ft('rateOf', { item: name, from: r.from, type: unitTypeName(c) }), fp('feeItems', this.code, 'rates', i, 'byUnitType', c)))}
                <td class="state">${this.#rateState(item, r)}</td>
                <td>${item.rates.length > 1 ? html`<button type="button" class="icon" aria-label=${ft('removeRate', { item: name, from: r.from })} @click=${() => this.#removeRate(i)}>✕</button>` : nothing}</td>
              </tr>`;
            })}
          </tbody>
        </table>
        ${fnote(fp('feeItems', this.code, 'rates'))}
      </div>
      <div class="row add">
        <label>${ft('from')}
          <input class="date" .value=${this.newFrom} placeholder="YYYY-MM-DD" aria-label=${ft('newRateFrom', { item: name })}
            aria-invalid=${this.newFromError ? 'true' : 'false'} aria-describedby=${this.newFromError ? `new-from-${this.code}` : nothing}
            @input=${(e: Event) => { this.newFrom = (e.target as HTMLInputElement).value; this.newFromError = ''; }}
            @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') this.#addRate(); }}></label>
        <button type="button" @click=${this.#addRate}>${ft('addRate')}</button>
        ${metered ? nothing : html`
          <label>${ft('newUnitType')}
            <input .value=${this.newType} aria-label=${ft('unitTypeToAdd', { item: name })} placeholder="parking" style="width:110px"
              @change=${(e: Event) => { this.newType = (e.target as HTMLInputElement).value.trim(); }}></label>`}
        <span class="hint">${ft('addRateHint')}</span>
      </div>
      ${this.newFromError ? html`<span class="issue" role="alert" id=${`new-from-${this.code}`}>${this.newFromError}</span>` : nothing}
    `;
  }

  #cell(index: number, type: string | null, value: string, label: string, ptr: string) {
    return html`<td>
      <input inputmode="decimal" .value=${value} placeholder=${type === null ? '' : ft('noRate')} aria-label=${label}
        data-pointer=${fctl(ptr)} aria-invalid=${finvalid(ptr)} aria-describedby=${fdescribed(ptr)}
        @change=${(e: Event) => this.#setRate(index, type, (e.target as HTMLInputElement).value)}>
      ${fnote(ptr)}
    </td>`;
  }

  override render() {
    const item = this.#item();
    if (!item) return nothing;
    const name = this.#name(item);
    const p = (...path: (string | number)[]) => fp('feeItems', this.code, ...path);
    const active = item.active !== false;
    return html`
      <section class="item ${active ? '' : 'off'}" aria-label=${name} data-pointer=${fctl(p())}>
        <div class="card-head">
          <h3>${name}</h3><span class="id">${this.code}</span>
          ${active ? nothing : html`<span class="badge past">${ft('inactive')}</span>`}
          <span class="spacer"></span>
          <button type="button" class="icon danger" @click=${this.#remove}>${ft('removeItem', { name })}</button>
        </div>
        ${fnote(p())}
        <div class="row">
          <label>${ft('itemTitleZh')}
            <input .value=${item.title['zh-CN'] ?? ''} maxlength="100" aria-label=${`${name} · ${ft('itemTitleZh')}`}
              data-pointer=${fctl(p('title', 'zh-CN'))} aria-invalid=${finvalid(p('title', 'zh-CN'))}
              @change=${(e: Event) => this.#edit((it) => { it.title = { ...it.title, 'zh-CN': (e.target as HTMLInputElement).value.trim() }; })}>
            ${fnote(p('title', 'zh-CN'))}</label>
          <label>${ft('itemTitleEn')}
            <input .value=${item.title.en ?? ''} maxlength="100" aria-label=${`${name} · ${ft('itemTitleEn')}`}
              @change=${(e: Event) => this.#edit((it) => { const en = (e.target as HTMLInputElement).value.trim(); it.title = { ...it.title, en }; if (!en) delete it.title.en; })}></label>
          <label>${ft('kind')}
            <select aria-label=${`${name} · ${ft('kind')}`} data-pointer=${fctl(p('kind'))} aria-invalid=${finvalid(p('kind'))}
              @change=${(e: Event) => this.#setKind((e.target as HTMLSelectElement).value as FeeKind)}>
              ${FEE_KINDS.map((k) => html`<option value=${k} ?selected=${item.kind === k}>${ft(`kind_${k}`)}</option>`)}
            </select>${fnote(p('kind'))}</label>
          ${item.kind === 'metered' ? html`<label>${ft('meter')}
            <select aria-label=${`${name} · ${ft('meter')}`} data-pointer=${fctl(p('meter'))} aria-invalid=${finvalid(p('meter'))}
              @change=${(e: Event) => this.#edit((it) => { it.meter = (e.target as HTMLSelectElement).value; })}>
              ${[...new Set([...METERS, ...(item.meter ? [item.meter] : [])])].map((m) => html`<option value=${m} ?selected=${item.meter === m}>${ft(`meter_${m}`)}</option>`)}
            </select>${fnote(p('meter'))}</label>` : nothing}
        </div>
        <div class="flags" style="margin-top:8px">
          <label><input type="checkbox" .checked=${active} @change=${(e: Event) => this.#edit((it) => { it.active = (e.target as HTMLInputElement).checked; })}>${ft('active')}</label>
          ${item.kind === 'metered' || item.kind === 'oneOff' ? nothing : html`
            <label><input type="checkbox" .checked=${item.entrusted === true} @change=${(e: Event) => this.#edit((it) => { it.entrusted = (e.target as HTMLInputElement).checked; })}>${ft('entrusted')}</label>
            <label><input type="checkbox" .checked=${item.vacancyDiscount === true} @change=${(e: Event) => this.#edit((it) => { it.vacancyDiscount = (e.target as HTMLInputElement).checked; })}>${ft('vacancyDiscount')}</label>`}
        </div>
        ${this.#ratesTable(item)}
      </section>
    `;
  }
}

customElements.define('wy-admin-fee-item', WyAdminFeeItem);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-fee-item': WyAdminFeeItem;
  }
}
