import { LitElement, css, html, nothing } from 'lit';
import { I18nController, loc } from '../../../../ui/src/plugin-ui-api.js';
import { base } from '../../../../ui/src/plugin-ui-api.js';
import { adminStyles } from '../../../../ui/src/plugin-admin-api.js';
import { draft, DraftController } from '../../../../ui/src/plugin-admin-api.js';
import { ft } from './fee-i18n.js';
import { DECIMAL, ROUNDING_MODES, sameDecimal, shiftDecimal, type FeeSettings, type RoundingMode } from './fee-settings.js';
import { BILLING, editFees, fctl, fdescribed, feeSettings, finvalid, fnote, fp } from './fee-view.js';

/** A stored share ("0.7") as the admin reads it (70 for %, 3 for ‰); kept as typed when it is not a number. */
function shown(value: string | null | undefined, places: number): string {
  if (value == null) return '';
  return DECIMAL.test(value) ? shiftDecimal(value, places) : value;
}

/** What the admin typed, stored as a share; unchanged numbers keep their old spelling ("0.80"). */
function stored(typed: string, places: number, old: string | null | undefined): string {
  const v = typed.trim();
  if (!/^\d+(\.\d+)?$/.test(v)) return v;
  const next = shiftDecimal(v, -places);
  return old != null && sameDecimal(old, next) ? old : next;
}

/**
 * The settings around the fee items: entrusted and vacancy shares, rounding, the late fee (rate
 * per day in ‰, counted from, chargeable after, cap), over-payment, receipt prefix, the dunning
 * ladder and the collection-rate targets.
 */
export class WyAdminFeePolicies extends LitElement {
  static override properties = { group: { type: String } };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    .cols { display: grid; gap: 12px; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); align-items: start; }
    .unit { font-size: 12px; color: var(--wy-muted); }
    input.share { width: 90px; }
    .summary { background: var(--wy-bg); border-radius: var(--wy-radius); padding: 8px 12px; font-size: 13px; margin-top: 10px; }
    table.dunning input { width: 100%; min-width: 80px; }
    table.dunning input.num { width: 70px; min-width: 0; }
    table.dunning td, table.dunning th { padding: 4px 6px; }
    label.check { flex-direction: row; align-items: center; gap: 6px; color: inherit; }
  `];

  /** 'shares' (shares, rounding, late fee) or 'collection' (over-payment, receipts, dunning, targets) */
  declare group: 'shares' | 'collection';

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
    this.group = 'shares';
  }

  #share(label: string, value: string | null | undefined, places: number, unit: string, path: (string | number)[], set: (s: FeeSettings, v: string) => void, disabled = false) {
    const ptr = fp(...path);
    return html`<label>${label}
      <span class="row" style="gap:4px;align-items:center">
        <input class="share" inputmode="decimal" .value=${shown(value, places)} ?disabled=${disabled} aria-label=${label}
          data-pointer=${fctl(ptr)} aria-invalid=${finvalid(ptr)} aria-describedby=${fdescribed(ptr)}
          @change=${(e: Event) => editFees((s) => set(s, stored((e.target as HTMLInputElement).value, places, value)))}>
        <span class="unit">${unit}</span></span>
      ${fnote(ptr)}</label>`;
  }

  #rounding(label: string, r: { places: number; mode: RoundingMode }, path: string[], set: (s: FeeSettings, r: { places: number; mode: RoundingMode }) => void) {
    const ptr = fp(...path);
    return html`<fieldset data-pointer=${fctl(ptr)}>
      <legend>${label}</legend>
      <div class="row">
        <label>${ft('places')}
          <select aria-label=${`${label} · ${ft('places')}`} @change=${(e: Event) => editFees((s) => set(s, { ...r, places: Number((e.target as HTMLSelectElement).value) }))}>
            ${[0, 1, 2].map((n) => html`<option value=${n} ?selected=${r.places === n}>${n}</option>`)}
          </select></label>
        <label>${ft('mode')}
          <select aria-label=${`${label} · ${ft('mode')}`} @change=${(e: Event) => editFees((s) => set(s, { ...r, mode: (e.target as HTMLSelectElement).value as RoundingMode }))}>
            ${ROUNDING_MODES.map((m) => html`<option value=${m} ?selected=${r.mode === m}>${ft(`mode_${m}`)}</option>`)}
          </select></label>
      </div>
      ${fnote(ptr)}
    </fieldset>`;
  }

  /** A nullable share: a "none" box, and the value when there is one. A project cannot clear the company's value. */
  #nullable(noneLabel: string, label: string, value: string | null, places: number, unit: string, path: string[], set: (s: FeeSettings, v: string | null) => void, fallback: string) {
    const company = draft.settings<FeeSettings>(BILLING, null);
    let companyValue: unknown = company;
    for (const k of path) companyValue = (companyValue as Record<string, unknown> | null | undefined)?.[k];
    const cannotClear = !!draft.scope && companyValue != null;
    return html`
      <label class="check"><input type="checkbox" .checked=${value === null} ?disabled=${cannotClear && value !== null}
        @change=${(e: Event) => editFees((s) => set(s, (e.target as HTMLInputElement).checked ? null : (companyValue as string | null) ?? fallback))}>${noneLabel}</label>
      ${cannotClear ? html`<span class="hint">${ft('projectCannotClear')}</span>` : nothing}
      ${value === null ? nothing : this.#share(label, value, places, unit, path, (s, v) => set(s, v))}`;
  }

  #shares(s: FeeSettings) {
    const lf = s.lateFee;
    return html`
      <div class="cols">
        <fieldset>
          <legend>${ft('entrustedFactor')} / ${ft('vacancy')}</legend>
          ${this.#share(ft('entrustedFactor'), s.entrustedFactor, 2, '%', ['entrustedFactor'], (x, v) => { x.entrustedFactor = v; })}
          <div style="margin-top:8px">
            ${this.#nullable(ft('noVacancyDiscount'), ft('vacancyFactor'), s.vacancyFactor, 2, '%', ['vacancyFactor'], (x, v) => { x.vacancyFactor = v; }, '0.5')}
          </div>
        </fieldset>
        ${this.#rounding(ft('rounding'), s.rounding, ['rounding'], (x, r) => { x.rounding = r; })}
        <fieldset data-pointer=${fctl(fp('lateFee'))}>
          <legend>${ft('lateFee')}</legend>
          <label class="check"><input type="checkbox" .checked=${lf.enabled} @change=${(e: Event) => editFees((x) => { x.lateFee.enabled = (e.target as HTMLInputElement).checked; })}>${ft('lateFeeEnabled')}</label>
          <div class="row" style="margin-top:6px">
            ${this.#share(ft('ratePerDay'), lf.ratePerDay, 3, '‰', ['lateFee', 'ratePerDay'], (x, v) => { x.lateFee.ratePerDay = v; }, !lf.enabled)}
            <label>${ft('startsOn')}
              <select aria-label=${ft('startsOn')} ?disabled=${!lf.enabled} @change=${(e: Event) => editFees((x) => { x.lateFee.startsOn = (e.target as HTMLSelectElement).value as never; })}>
                ${(['periodStart', 'dayAfterDue'] as const).map((k) => html`<option value=${k} ?selected=${lf.startsOn === k}>${ft(`startsOn_${k}`)}</option>`)}
              </select></label>
            <label>${ft('chargeableAfter')}
              <select aria-label=${ft('chargeableAfter')} ?disabled=${!lf.enabled} @change=${(e: Event) => editFees((x) => { x.lateFee.chargeableAfter = (e.target as HTMLSelectElement).value as never; })}>
                ${(['due', 'reminderDue', 'finalDue'] as const).map((k) => html`<option value=${k} ?selected=${lf.chargeableAfter === k}>${ft(`chargeableAfter_${k}`)}</option>`)}
              </select></label>
          </div>
          <div style="margin-top:6px">
            ${this.#nullable(ft('noCap'), ft('cap'), lf.capOfPrincipal, 2, '%', ['lateFee', 'capOfPrincipal'], (x, v) => { x.lateFee.capOfPrincipal = v; }, '1')}
          </div>
          <div style="margin-top:8px">${this.#rounding(ft('lateRounding'), lf.rounding, ['lateFee', 'rounding'], (x, r) => { x.lateFee.rounding = r; })}</div>
          ${fnote(fp('lateFee'))}
        </fieldset>
      </div>
      ${lf.enabled ? html`<p class="summary" data-testid="late-fee-summary">${ft('lateFeeSummary', {
        r: shown(lf.ratePerDay, 3), s: ft(`startsOn_${lf.startsOn}`), c: ft(`chargeableAfter_${lf.chargeableAfter}`),
        cap: lf.capOfPrincipal ? ft('capText', { p: shown(lf.capOfPrincipal, 2) }) : '',
      })}</p>` : nothing}`;
  }

  #collection(s: FeeSettings) {
    const dp = (...path: (string | number)[]) => fp('dunning', ...path);
    return html`
      <div class="cols">
        <fieldset>
          <legend>${ft('overpayment')}</legend>
          <div class="chips" role="radiogroup" aria-label=${ft('overpayment')}>
            ${(['credit', 'refuse'] as const).map((k) => html`<label class="check"><input type="radio" name="overpayment" .checked=${s.overpayment === k}
              @change=${() => editFees((x) => { x.overpayment = k; })}>${ft(`overpayment_${k}`)}</label>`)}
          </div>
          <label style="margin-top:10px;display:flex">${ft('receiptPrefix')}
            <input .value=${s.receiptPrefix} maxlength="6" style="width:90px" aria-label=${ft('receiptPrefix')}
              data-pointer=${fctl(fp('receiptPrefix'))} aria-invalid=${finvalid(fp('receiptPrefix'))} aria-describedby=${fdescribed(fp('receiptPrefix'))}
              @change=${(e: Event) => editFees((x) => { x.receiptPrefix = (e.target as HTMLInputElement).value.trim(); })}>
            ${fnote(fp('receiptPrefix'))}</label>
        </fieldset>
        <fieldset data-pointer=${fctl(fp('collectionTargets'))}>
          <legend>${ft('targets')}</legend>
          <div class="row">
            ${(['thisMonth', 'lastMonth', 'monthBefore'] as const).map((k) =>
              this.#share(ft(`target_${k}`), s.collectionTargets[k], 2, '%', ['collectionTargets', k], (x, v) => { x.collectionTargets[k] = v; }))}
          </div>
          ${fnote(fp('collectionTargets'))}
        </fieldset>
      </div>
      <h3 style="margin-top:12px">${ft('dunning')}</h3>
      <p class="hint">${ft('dunningHint')}</p>
      <table class="dunning" data-pointer=${fctl(dp())}>
        <thead><tr><th>#</th><th>${ft('stepCode')}</th><th>${ft('stepTitleZh')}</th><th>${ft('stepTitleEn')}</th><th>${ft('afterMonthsUnpaid')}</th><th></th></tr></thead>
        <tbody>
          ${s.dunning.map((step, i) => {
            const n = i + 1;
            const label = `${ft('stepN', { n })} · `;
            return html`<tr data-step=${step.code}>
              <td>${n}</td>
              <td><input .value=${step.code} maxlength="32" aria-label=${label + ft('stepCode')} data-pointer=${fctl(dp(i, 'code'))} aria-invalid=${finvalid(dp(i, 'code'))}
                @change=${(e: Event) => editFees((x) => { x.dunning[i]!.code = (e.target as HTMLInputElement).value.trim(); })}>${fnote(dp(i, 'code'))}</td>
              <td><input .value=${step.title['zh-CN']} maxlength="100" aria-label=${label + ft('stepTitleZh')} data-pointer=${fctl(dp(i, 'title', 'zh-CN'))} aria-invalid=${finvalid(dp(i, 'title', 'zh-CN'))}
                @change=${(e: Event) => editFees((x) => { x.dunning[i]!.title = { ...x.dunning[i]!.title, 'zh-CN': (e.target as HTMLInputElement).value.trim() }; })}>${fnote(dp(i, 'title', 'zh-CN'))}</td>
              <td><input .value=${step.title.en ?? ''} maxlength="100" aria-label=${label + ft('stepTitleEn')}
                @change=${(e: Event) => editFees((x) => { const en = (e.target as HTMLInputElement).value.trim(); x.dunning[i]!.title = en ? { ...x.dunning[i]!.title, en } : { 'zh-CN': x.dunning[i]!.title['zh-CN'] }; })}></td>
              <td><input type="number" class="num" min="0" max="120" .value=${String(step.afterMonthsUnpaid)} aria-label=${label + ft('afterMonthsUnpaid')}
                data-pointer=${fctl(dp(i, 'afterMonthsUnpaid'))} aria-invalid=${finvalid(dp(i, 'afterMonthsUnpaid'))}
                @change=${(e: Event) => editFees((x) => { x.dunning[i]!.afterMonthsUnpaid = Number((e.target as HTMLInputElement).value); })}>${fnote(dp(i, 'afterMonthsUnpaid'))}</td>
              <td>${s.dunning.length > 1 ? html`<button type="button" class="icon" aria-label=${ft('removeStep', { n })} title=${loc(step.title)}
                @click=${() => editFees((x) => { x.dunning = x.dunning.filter((_, j) => j !== i); })}>✕</button>` : nothing}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${fnote(dp())}
      <button type="button" style="margin-top:8px" ?disabled=${s.dunning.length >= 10}
        @click=${() => editFees((x) => { const last = x.dunning[x.dunning.length - 1]; x.dunning = [...x.dunning, { code: `step${x.dunning.length + 1}`, title: { 'zh-CN': ft('stepN', { n: x.dunning.length + 1 }) }, afterMonthsUnpaid: last?.afterMonthsUnpaid ?? 0 }]; })}>${ft('addStep')}</button>
    `;
  }

  override render() {
    const s = feeSettings();
    if (!s) return nothing;
    return this.group === 'collection' ? this.#collection(s) : this.#shares(s);
  }
}

customElements.define('wy-admin-fee-policies', WyAdminFeePolicies);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-fee-policies': WyAdminFeePolicies;
  }
}
