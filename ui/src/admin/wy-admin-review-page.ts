import { LitElement, css, html, nothing } from 'lit';
import { api, ApiError } from '../api.js';
import { I18nController } from '../i18n.js';
import { base } from '../styles.js';
import { formatDateTime } from '../format.js';
import { adminStyles } from './admin-styles.js';
import { at } from './admin-i18n.js';
import type { CheckResponse, DiffChange, VersionView } from './admin-types.js';
import { draft, DraftController } from './draft-store.js';
import { renderChanges } from './change-view.js';
import { activatable, type WyAdminHistory } from './wy-admin-history.js';
import './wy-admin-dry-run.js';
import './wy-admin-history.js';

/**
 * Review & activate: what the draft changes (against the version in force), a dry run, the
 * reason and effective date, then propose → activate. A refused proposal leaves the
 * configuration in force unchanged and puts each problem on the control that edits its place.
 * Below: the history with rollback, export and import.
 */
export class WyAdminReviewPage extends LitElement {
  static override properties = {
    query: { attribute: false },
    changes: { state: true },
    changesError: { state: true },
    reason: { state: true },
    effectiveFrom: { state: true },
    busy: { state: true },
    message: { state: true },
    messageKind: { state: true },
    proposed: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    textarea.reason { width: 100%; min-height: 60px; }
    .changes td { font-size: 13px; }
    .changes code { word-break: break-all; }
  `];

  declare query: URLSearchParams;
  declare changes: DiffChange[] | null;
  declare changesError: string;
  declare reason: string;
  declare effectiveFrom: string;
  declare busy: boolean;
  declare message: string;
  declare messageKind: 'ok' | 'error' | '';
  declare proposed: VersionView | null;
  #changesFor = '';

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
    this.query = new URLSearchParams();
    this.changes = null;
    this.changesError = '';
    this.reason = '';
    this.effectiveFrom = '';
    this.busy = false;
    this.message = '';
    this.messageKind = '';
    this.proposed = null;
  }

  override updated(): void {
    const key = JSON.stringify(draft.doc) + (draft.active?.version ?? '');
    if (key !== this.#changesFor && draft.loaded) {
      this.#changesFor = key;
      void this.#loadChanges();
    }
  }

  async #loadChanges() {
    if (!draft.dirty) {
      this.changes = [];
      return;
    }
    try {
      this.changes = (await api.post<{ changes: DiffChange[] }>('/api/config/diff', { document: draft.document() })).changes;
      this.changesError = '';
    } catch (err) {
      // the server's diff is preferred (it knows the version in force); this one is the same comparison made here
      this.changes = draft.changes();
      this.changesError = err instanceof ApiError && err.status !== 404 ? err.message : '';
    }
  }

  async #check() {
    this.busy = true;
    try {
      const res = await api.post<CheckResponse>('/api/config/check', { document: draft.document() });
      draft.setIssues(res.issues, 'check');
      this.#say(res.valid ? at('checkPassed') : at('draftHasProblems', { n: res.issues.length }), res.valid ? 'ok' : 'error');
    } catch (err) {
      this.#fail(err);
    } finally {
      this.busy = false;
    }
  }

  #say(message: string, kind: 'ok' | 'error') {
    this.message = message;
    this.messageKind = kind;
  }

  #fail(err: unknown) {
    if (err instanceof ApiError) {
      if (err.issues.length) draft.setIssues(err.issues, 'propose');
      this.#say(err.status === 400 ? at('proposalRefused', { n: draft.issues.length }) : err.message, 'error');
    } else this.#say(at('networkError'), 'error');
  }

  async #propose() {
    if (!this.reason.trim()) {
      this.#say(at('reasonRequired'), 'error');
      this.renderRoot.querySelector<HTMLTextAreaElement>('textarea.reason')?.focus();
      return;
    }
    this.busy = true;
    try {
      const body: Record<string, unknown> = { document: draft.document(), reason: this.reason.trim() };
      if (this.effectiveFrom) body.effectiveFrom = new Date(this.effectiveFrom).toISOString();
      const v = await api.post<VersionView>('/api/config/versions', body);
      this.proposed = v;
      draft.setIssues([], 'propose');
      this.#say(at('proposed', { n: v.number }), 'ok');
      await this.#history()?.reload();
    } catch (err) {
      this.#fail(err);
    } finally {
      this.busy = false;
    }
  }

  async #activate() {
    if (!this.proposed) return;
    const n = this.proposed.number;
    const effective = this.effectiveFrom ? new Date(this.effectiveFrom) : null;
    const ok = await this.#history()?.activate(n, true);
    if (ok === null) return; // the admin did not confirm
    if (ok) {
      this.proposed = null;
      this.reason = '';
      this.effectiveFrom = '';
      this.#say(effective && effective.getTime() > Date.now() ? at('activatedLater', { n, t: formatDateTime(effective.toISOString()) }) : at('activated', { n }), 'ok');
    } else this.#say(this.#history()?.message || at('activateFailed'), 'error');
  }

  #history(): WyAdminHistory | null {
    return this.renderRoot.querySelector('wy-admin-history');
  }

  override render() {
    const dirty = draft.dirty;
    return html`
      <section class="card" aria-labelledby="changes-title">
        <div class="card-head"><h2 id="changes-title">${at('draftChanges')}</h2><span class="badge">${at('againstVersion', { n: draft.active?.version ?? '' })}</span></div>
        ${this.changesError ? html`<div class="error-box">${this.changesError}</div>` : nothing}
        ${!dirty ? html`<p class="muted">${at('noChanges')}</p>` : this.changes ? renderChanges(this.changes) : html`<p role="status">${at('loading')}</p>`}
      </section>

      <section class="card" aria-labelledby="dry-run-title">
        <h2 id="dry-run-title">${at('dryRun')}</h2>
        <p class="hint">${at('dryRunHint')}</p>
        <wy-admin-dry-run></wy-admin-dry-run>
      </section>

      <section class="card" aria-labelledby="submit-title">
        <h2 id="submit-title">${at('submit')}</h2>
        <label class="block">${at('reason')}（${at('requiredMark')}）
          <textarea class="reason" required maxlength="500" .value=${this.reason} aria-invalid=${this.messageKind === 'error' && !this.reason.trim() ? 'true' : 'false'}
            @input=${(e: Event) => { this.reason = (e.target as HTMLTextAreaElement).value; }}></textarea></label>
        <div class="row" style="margin-top:8px">
          <label>${at('effectiveFrom')}<input type="datetime-local" .value=${this.effectiveFrom} @change=${(e: Event) => { this.effectiveFrom = (e.target as HTMLInputElement).value; }}></label>
          <span class="hint">${at('effectiveHint')}</span>
        </div>
        <div class="toolbar" style="margin-top:10px">
          <button type="button" @click=${this.#check} ?disabled=${this.busy}>${at('check')}</button>
          <button type="button" class="primary" @click=${this.#propose} ?disabled=${this.busy || !dirty}>${at('propose')}</button>
          ${this.proposed && activatable(this.proposed, draft.active?.version) ? html`<button type="button" class="primary" @click=${this.#activate} ?disabled=${this.busy}>${at('activateN', { n: this.proposed.number })}</button>`
            : this.proposed ? html`<span class="small muted">${at('supersededProposal', { n: this.proposed.basedOn ?? '' })}</span>` : nothing}
        </div>
        ${this.message ? html`<div class=${this.messageKind === 'ok' ? 'ok-box' : 'error-box'} role=${this.messageKind === 'ok' ? 'status' : 'alert'} data-testid="review-message">${this.message}</div>` : nothing}
      </section>

      <section class="card" aria-labelledby="history-title">
        <h2 id="history-title">${at('history')}</h2>
        <wy-admin-history></wy-admin-history>
      </section>
    `;
  }
}

customElements.define('wy-admin-review-page', WyAdminReviewPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-review-page': WyAdminReviewPage;
  }
}
