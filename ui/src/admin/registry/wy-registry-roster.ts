import { LitElement, css, html, nothing } from 'lit';
import { api, ApiError } from '../../api.js';
import { I18nController } from '../../i18n.js';
import { base } from '../../styles.js';
import { adminStyles } from '../admin-styles.js';
import type { Issue } from '../../types.js';
import { failureWords, issueWords, rt } from './registry-i18n.js';

interface ImportResult { dryRun: boolean; rows: number; buildingsCreated?: number; unitsCreated?: number; unitsUpdated?: number; peopleCreated?: number }

/** Rows shown of a refused roster; the count says how many there are in all. */
const SHOWN_ISSUES = 30;

/**
 * Importing the roster (POST /api/registry/roster): check first (dry run), then import — all rows
 * or none. Errors name row and column in the admin's language.
 *
 * @fires roster-imported - buildings or units changed
 */
export class WyRegistryRoster extends LitElement {
  static override properties = {
    busy: { state: true },
    message: { state: true },
    failed: { state: true },
    issues: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    ul.issues { margin: 6px 0 0; padding-left: 18px; font-size: 13px; max-height: 260px; overflow: auto; }
    input[type='file'] { max-width: 100%; }
  `];

  declare busy: boolean;
  declare message: string;
  declare failed: boolean;
  declare issues: Issue[];

  constructor() {
    super();
    new I18nController(this);
    this.busy = false;
    this.message = '';
    this.failed = false;
    this.issues = [];
  }

  async #send(dryRun: boolean) {
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[type=file]');
    const file = input?.files?.[0];
    if (!file) { this.failed = true; this.issues = []; this.message = rt('chooseFile'); return; }
    const form = new FormData();
    form.append('file', file, file.name);
    this.busy = true;
    try {
      const r = await api.upload<ImportResult>(`/api/registry/roster${dryRun ? '?dryRun=true' : ''}`, form);
      this.failed = false;
      this.issues = [];
      this.message = dryRun ? rt('checked', { rows: r.rows })
        : rt('imported', { rows: r.rows, b: r.buildingsCreated ?? 0, u: r.unitsCreated ?? 0, uu: r.unitsUpdated ?? 0, p: r.peopleCreated ?? 0 });
      if (!dryRun) this.dispatchEvent(new CustomEvent('roster-imported', { bubbles: true, composed: true }));
    } catch (err) {
      this.failed = true;
      const rows = err instanceof ApiError && err.status === 422;
      this.issues = rows ? err.issues : (err as { issues?: Issue[] }).issues ?? [];
      this.message = rows ? rt('rosterErrors', { n: err.issues.length }) : failureWords(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`
      <section class="card" aria-labelledby="roster-title">
        <div class="card-head"><h2 id="roster-title">${rt('roster')}</h2><span class="spacer"></span>
          <a href="/api/registry/roster/template.xlsx" download>${rt('template')}</a></div>
        <p class="hint">${rt('rosterHint')}</p>
        <div class="row">
          <label>${rt('file')}<input type="file" name="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            @change=${() => { this.message = ''; this.issues = []; }}></label>
          <button type="button" ?disabled=${this.busy} @click=${() => this.#send(true)}>${rt('check')}</button>
          <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.#send(false)}>${rt('import')}</button>
        </div>
        ${this.message ? html`<div class=${this.failed ? 'error-box' : 'ok-box'} role="status" style="margin-top:8px">${this.message}
          ${this.issues.length ? html`<ul class="issues">${this.issues.slice(0, SHOWN_ISSUES).map((i) => html`<li>${issueWords(i)}</li>`)}${this.issues.length > SHOWN_ISSUES ? html`<li>…</li>` : nothing}</ul>` : nothing}</div>` : nothing}
      </section>`;
  }
}

customElements.define('wy-registry-roster', WyRegistryRoster);

declare global {
  interface HTMLElementTagNameMap {
    'wy-registry-roster': WyRegistryRoster;
  }
}
