import { LitElement, css, html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { api, ApiError } from '../api.js';
import { getLanguage, I18nController, t } from '../i18n.js';
import { issueText, localizeIssues } from '../issue-text.js';
import { base, dialogStyles } from '../styles.js';
import type { CaseView, FormDeclaration, Issue } from '../types.js';
import '../../../forms/index.js';

export interface TransitionRequest {
  caseType: string;
  caseId: number;
  version: number;
  transition: string;
  title: string;
  form: FormDeclaration | null;
  /** rule context for the form: the case data it is merged over, the case, the actor */
  context: Record<string, unknown>;
  services: unknown;
}

/**
 * A modal for one workflow step: the step's form (or a confirmation when it has none), posted as
 * `{ version, data }`. Field issues (400) go onto the form; a refusing rule (422) is shown here.
 * @fires wy-case-changed - detail: { case: CaseView, title }, after the step was taken
 * @fires wy-stale - the case changed since it was loaded (409)
 */
export class WyTransitionDialog extends LitElement {
  static override properties = {
    request: { state: true },
    busy: { state: true },
    error: { state: true },
    issues: { state: true },
  };

  static override styles = [base, dialogStyles, css`
    .body { padding: 16px 18px; }
    .buttons { display: flex; gap: 8px; justify-content: flex-end; margin-top: 16px; }
  `];

  declare request: TransitionRequest | null;
  declare busy: boolean;
  declare error: string;
  declare issues: Issue[];
  #opened = 0;

  constructor() {
    super();
    new I18nController(this);
    this.request = null;
    this.busy = false;
    this.error = '';
    this.issues = [];
  }

  async open(request: TransitionRequest): Promise<void> {
    this.request = request;
    this.error = '';
    this.issues = [];
    this.busy = false;
    this.#opened++;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
  }

  close(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  async #send(data: Record<string, unknown> | undefined) {
    const r = this.request;
    if (!r || this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const updated = await api.post<CaseView>(`/api/cases/${r.caseType}/${r.caseId}/transitions/${r.transition}`, { version: r.version, ...(data ? { data } : {}) });
      this.close();
      this.dispatchEvent(new CustomEvent('wy-case-changed', { detail: { case: updated, title: r.title, transition: r.transition }, bubbles: true, composed: true }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        this.close();
        this.dispatchEvent(new CustomEvent('wy-stale', { bubbles: true, composed: true }));
      } else if (err instanceof ApiError && err.status === 400) {
        this.issues = localizeIssues(err.issues.filter((i) => i.pointer.startsWith('/data')));
        const other = err.issues.filter((i) => !i.pointer.startsWith('/data'));
        this.error = [t('formErrors'), ...other.map((i) => issueText(i).text)].join(' ');
        if (!r.form) this.error = err.issues.map((i) => issueText(i).text).join(' ') || err.message;
      } else if (err instanceof ApiError && err.status === 403) {
        this.error = `${t('forbidden')} ${err.message}`;
      } else if (err instanceof ApiError && err.status !== 0) {
        const guard = err.issues.find((i) => i.code === 'guard') ?? err.issues[0];
        this.error = guard ? issueText(guard).text : err.message;
        // a refusal about one field (a guard's guardField, an effect naming /data/…) shows on that field too
        this.issues = localizeIssues(err.issues.filter((i) => i.pointer.startsWith('/data/')));
      } else {
        this.error = t('networkError');
      }
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const r = this.request;
    return html`
      <dialog aria-labelledby="dialog-title" @close=${() => { this.request = null; }}>
        ${r ? html`
          <div class="head">
            <h2 id="dialog-title">${r.title}</h2>
            <span class="spacer"></span>
            <button type="button" @click=${() => this.close()} aria-label=${t('close')}>✕</button>
          </div>
          <div class="body">
            ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : null}
            ${r.form ? keyed(this.#opened, html`
              <wy-form
                .schema=${r.form.schema}
                .ui=${r.form.ui ?? undefined}
                .language=${getLanguage()}
                .context=${r.context}
                .services=${r.services}
                .errors=${this.issues}
                .submitLabel=${r.title}
                .disabled=${this.busy}
                @wy-submit=${(e: CustomEvent<{ value: Record<string, unknown> }>) => this.#send(e.detail.value)}
                @wy-change=${() => { this.error = ''; }}
              ></wy-form>`) : html`
              <p>${t('confirmTransition', { title: r.title })}</p>
              <div class="buttons">
                <button type="button" @click=${() => this.close()}>${t('cancel')}</button>
                <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.#send(undefined)} autofocus>${t('confirm')}</button>
              </div>`}
          </div>` : null}
      </dialog>
    `;
  }
}

customElements.define('wy-transition-dialog', WyTransitionDialog);

declare global {
  interface HTMLElementTagNameMap {
    'wy-transition-dialog': WyTransitionDialog;
  }
}
