import { LitElement, css, html, nothing } from 'lit';
import { I18nController } from '../../../../ui/src/plugin-ui-api.js';
import { base } from '../../../../ui/src/plugin-ui-api.js';
import { adminStyles } from '../../../../ui/src/plugin-admin-api.js';
import { DraftController } from '../../../../ui/src/plugin-admin-api.js';
import { ft } from './fee-i18n.js';
import { CYCLES, type CycleKey, type CycleRule, type Term } from './fee-settings.js';
import { editFees, fctl, fdescribed, feeSettings, finvalid, fnote, fp } from './fee-view.js';

const MONTH_COUNTS = [1, 2, 3, 4, 6, 12];

/** Reads an integer input: a number, or undefined when empty (NaN is kept so the server names it). */
function intOf(input: HTMLInputElement): number | undefined {
  const raw = input.value.trim();
  return raw === '' ? undefined : Number(raw);
}

/**
 * The billing cycle (month / quarter / half-year) and the calendar rule of the chosen cycle:
 * payment notice, payment term, reminder with its term, final notice with its term.
 */
export class WyAdminFeeCycle extends LitElement {
  static override styles = [base, adminStyles, css`
    :host { display: block; }
    .cycles { display: flex; gap: 16px; flex-wrap: wrap; margin-bottom: 10px; }
    .cycles label { flex-direction: row; align-items: center; gap: 6px; color: inherit; font-size: 14px; }
    .rule { display: grid; gap: 10px; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); align-items: start; }
    .rule .row { gap: 8px; }
    .rule input.num { width: 72px; }
    .summary { background: var(--wy-bg); border-radius: var(--wy-radius); padding: 8px 12px; font-size: 13px; margin-top: 10px; }
  `];

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
  }

  #edit(cycle: CycleKey, edit: (rule: CycleRule) => void) {
    editFees((s) => edit(s.cycles[cycle]));
  }

  #num(label: string, aria: string, value: number | undefined, ptr: string, set: (v: number | undefined) => void, min: number, max: number) {
    return html`<label>${label}
      <input type="number" class="num" min=${min} max=${max} step="1" .value=${value === undefined ? '' : String(value)} aria-label=${aria}
        data-pointer=${fctl(ptr)} aria-invalid=${finvalid(ptr)} aria-describedby=${fdescribed(ptr)}
        @change=${(e: Event) => set(intOf(e.target as HTMLInputElement))}>
      ${fnote(ptr)}</label>`;
  }

  /** A term (months and/or days). */
  #term(cycle: CycleKey, legend: string, term: Term, path: string[], set: (t: Term) => void) {
    const ptr = fp('cycles', cycle, ...path);
    const put = (k: 'months' | 'days', v: number | undefined) => {
      const next: Term = { ...term };
      if (v === undefined) delete next[k];
      else next[k] = v;
      set(next);
    };
    return html`<fieldset data-pointer=${fctl(ptr)}>
      <legend>${legend}</legend>
      <div class="row">
        ${this.#num(ft('termMonths'), `${legend} · ${ft('termMonths')}`, term.months, `${ptr}/months`, (v) => put('months', v), 0, 12)}
        ${this.#num(ft('termDays'), `${legend} · ${ft('termDays')}`, term.days, `${ptr}/days`, (v) => put('days', v), 0, 366)}
      </div>
      ${fnote(ptr)}
    </fieldset>`;
  }

  override render() {
    const s = feeSettings();
    if (!s) return nothing;
    const cycle = s.cycle;
    const rule = s.cycles[cycle];
    const p = (...path: (string | number)[]) => fp('cycles', cycle, ...path);
    const e = (f: (r: CycleRule) => void) => this.#edit(cycle, f);
    return html`
      <div class="cycles" role="radiogroup" aria-label=${ft('cycle')} data-pointer=${fctl(fp('cycle'))}>
        ${CYCLES.map((c) => html`<label><input type="radio" name="cycle" value=${c} .checked=${cycle === c}
          @change=${() => editFees((x) => { x.cycle = c; })}>${ft(`cycle_${c}`)}</label>`)}
        ${fnote(fp('cycle'))}
      </div>
      <h3>${ft('cycleRuleOf', { cycle: ft(`cycle_${cycle}`) })}</h3>
      <p class="hint">${ft('cycleRuleHint')}</p>
      <div class="rule" data-cycle=${cycle}>
        <fieldset>
          <legend>${ft('cycle')}</legend>
          <div class="row">
            <label>${ft('months')}
              <select aria-label=${ft('months')} data-pointer=${fctl(p('months'))} aria-invalid=${finvalid(p('months'))}
                @change=${(ev: Event) => e((r) => { r.months = Number((ev.target as HTMLSelectElement).value); })}>
                ${MONTH_COUNTS.map((n) => html`<option value=${n} ?selected=${rule.months === n}>${n}</option>`)}
              </select>${fnote(p('months'))}</label>
            ${this.#num(ft('firstMonth'), ft('firstMonth'), rule.firstMonth, p('firstMonth'), (v) => e((r) => { r.firstMonth = v as number; }), 1, 12)}
          </div>
        </fieldset>
        <fieldset data-pointer=${fctl(p('notice'))}>
          <legend>${ft('notice')}</legend>
          <div class="row">
            ${this.#num(ft('noticeMonthsBefore'), `${ft('notice')} · ${ft('noticeMonthsBefore')}`, rule.notice.monthsBefore, p('notice', 'monthsBefore'), (v) => e((r) => { r.notice.monthsBefore = v as number; }), 0, 12)}
            ${this.#num(ft('noticeDay'), `${ft('notice')} · ${ft('noticeDay')}`, rule.notice.day, p('notice', 'day'), (v) => e((r) => { r.notice.day = v as number; }), 1, 28)}
          </div>
          ${fnote(p('notice'))}
        </fieldset>
        ${this.#term(cycle, ft('paymentTerm'), rule.paymentTerm, ['paymentTerm'], (t) => e((r) => { r.paymentTerm = t; }))}
        <fieldset data-pointer=${fctl(p('reminder'))}>
          <legend>${ft('reminder')}</legend>
          <div class="row">
            ${this.#num(ft('reminderMonthsAfterStart'), `${ft('reminder')} · ${ft('reminderMonthsAfterStart')}`, rule.reminder.monthsAfterStart, p('reminder', 'monthsAfterStart'), (v) => e((r) => { r.reminder.monthsAfterStart = v as number; }), 0, 12)}
            ${this.#num(ft('reminderDay'), `${ft('reminder')} · ${ft('reminderDay')}`, rule.reminder.day, p('reminder', 'day'), (v) => e((r) => { r.reminder.day = v as number; }), 1, 28)}
          </div>
          ${fnote(p('reminder'))}
        </fieldset>
        ${this.#term(cycle, ft('reminderTerm'), rule.reminder.term, ['reminder', 'term'], (t) => e((r) => { r.reminder.term = t; }))}
        <fieldset data-pointer=${fctl(p('finalNotice'))}>
          <legend>${ft('finalNotice')}</legend>
          ${this.#num(ft('finalAfterReminderDays'), `${ft('finalNotice')} · ${ft('finalAfterReminderDays')}`, rule.finalNotice.afterReminderDays, p('finalNotice', 'afterReminderDays'), (v) => e((r) => { r.finalNotice.afterReminderDays = v as number; }), 1, 90)}
          ${fnote(p('finalNotice'))}
        </fieldset>
        ${this.#term(cycle, ft('finalTerm'), rule.finalNotice.term, ['finalNotice', 'term'], (t) => e((r) => { r.finalNotice.term = t; }))}
      </div>
      <p class="summary" data-testid="cycle-summary">${ft('ruleSummary', {
        nb: rule.notice.monthsBefore, nd: rule.notice.day, pt: termText(rule.paymentTerm),
        rm: rule.reminder.monthsAfterStart, rd: rule.reminder.day, rt: termText(rule.reminder.term),
        fd: rule.finalNotice.afterReminderDays, ft: termText(rule.finalNotice.term),
      })}</p>
    `;
  }
}

function termText(t: Term): string {
  const m = t.months ? ft('termText', { m: t.months }) : '';
  const d = t.days ? ft('termTextDays', { d: t.days }) : '';
  return m && d ? ft('termAnd', { a: m, b: d }) : m || d || '—';
}

customElements.define('wy-admin-fee-cycle', WyAdminFeeCycle);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-fee-cycle': WyAdminFeeCycle;
  }
}
