import { LitElement, css, html } from 'lit';
import { I18nController } from '../i18n.js';
import { base } from '../styles.js';
import { adminStyles } from './admin-styles.js';
import { at } from './admin-i18n.js';
import { DraftController } from './draft-store.js';
import { ctl, invalid, issueNote } from './issue-view.js';

/**
 * A list of dates (YYYY-MM-DD): add with a date input, remove one by one. `label` is
 * "scope · list" for screen readers; the list's own name is shown.
 *
 * @fires wy-dates-change - `{ dates }`, sorted and without duplicates
 */
export class WyAdminDateList extends LitElement {
  static override properties = { label: { type: String }, dates: { attribute: false }, pointer: { type: String }, pending: { state: true } };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    ul { list-style: none; padding: 0; margin: 6px 0; display: flex; flex-wrap: wrap; gap: 6px; }
    li { display: inline-flex; gap: 4px; align-items: center; background: var(--wy-bg); border-radius: 12px; padding: 2px 4px 2px 10px; font-size: 13px; }
    li button { min-height: 22px; padding: 0 6px; border: none; background: transparent; }
  `];

  declare label: string;
  declare dates: string[];
  declare pointer: string;
  declare pending: string;

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
    this.label = '';
    this.dates = [];
    this.pointer = '';
    this.pending = '';
  }

  #emit(dates: string[]) {
    this.dispatchEvent(new CustomEvent('wy-dates-change', { detail: { dates: [...new Set(dates)].sort() }, bubbles: true, composed: true }));
  }

  override render() {
    const p = ctl(this.pointer);
    return html`
      <fieldset data-pointer=${p} aria-invalid=${invalid(p)} aria-label=${this.label}>
        <legend>${this.label.includes(' · ') ? this.label.slice(this.label.lastIndexOf(' · ') + 3) : this.label}</legend>
        ${this.dates.length ? html`<ul>${this.dates.map((d) => html`<li>${d}<button type="button" aria-label=${at('removeDate', { date: d, list: this.label })} @click=${() => this.#emit(this.dates.filter((x) => x !== d))}>✕</button></li>`)}</ul>`
          : html`<p class="hint">${at('noDates')}</p>`}
        <div class="row">
          <input type="date" aria-label=${at('dateToAdd', { list: this.label })} .value=${this.pending} @input=${(e: Event) => { this.pending = (e.target as HTMLInputElement).value; }}>
          <button type="button" ?disabled=${!this.pending} @click=${() => { if (this.pending) this.#emit([...this.dates, this.pending]); this.pending = ''; }}>${at('addDate', { list: this.label })}</button>
        </div>
        ${issueNote(p)}
      </fieldset>`;
  }
}

customElements.define('wy-admin-date-list', WyAdminDateList);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-date-list': WyAdminDateList;
  }
}
