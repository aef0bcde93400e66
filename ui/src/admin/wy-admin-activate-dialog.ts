import { LitElement, css, html, nothing } from 'lit';
import { api, ApiError } from '../api.js';
import { formatDateTime } from '../format.js';
import { I18nController } from '../i18n.js';
import { base } from '../styles.js';
import { adminStyles } from './admin-styles.js';
import { at } from './admin-i18n.js';
import type { DiffChange, VersionView } from './admin-types.js';
import { renderChanges } from './change-view.js';

/**
 * Asks before a version is put in force for the whole company: which version replaces which,
 * from when, what it changes (in words), and that cases already open keep their version.
 * `ask(version, current)` resolves true only when the admin confirms.
 */
export class WyAdminActivateDialog extends LitElement {
  static override properties = {
    version: { state: true },
    current: { state: true },
    changes: { state: true },
    error: { state: true },
  };

  static override styles = [base, adminStyles, css`
    dialog { max-width: 860px; width: calc(100vw - 40px); border: 1px solid var(--wy-border); border-radius: var(--wy-radius); padding: 18px; }
    dialog::backdrop { background: rgba(15, 23, 42, 0.35); }
    .changes-box { max-height: 50vh; overflow: auto; margin: 10px 0; }
    h2 { margin: 0 0 8px; }
  `];

  declare version: VersionView | null;
  declare current: number;
  declare changes: DiffChange[] | null;
  declare error: string;
  #resolve: ((ok: boolean) => void) | null = null;

  constructor() {
    super();
    new I18nController(this);
    this.version = null;
    this.current = 0;
    this.changes = null;
    this.error = '';
  }

  /** Opens the dialog for a proposed version; resolves with the admin's answer. */
  ask(version: VersionView, current: number): Promise<boolean> {
    this.version = version;
    this.current = current;
    this.changes = null;
    this.error = '';
    void api.get<{ changes: DiffChange[] }>(`/api/config/versions/${version.number}/diff`).then(
      (r) => { this.changes = r.changes; },
      (err) => { this.error = err instanceof ApiError ? err.message : at('networkError'); },
    );
    return new Promise((resolve) => {
      this.#resolve?.(false);
      this.#resolve = resolve;
      void this.updateComplete.then(() => this.renderRoot.querySelector('dialog')?.showModal());
    });
  }

  #close(ok: boolean) {
    this.renderRoot.querySelector('dialog')?.close();
    this.#resolve?.(ok);
    this.#resolve = null;
  }

  override render() {
    const v = this.version;
    const later = v && new Date(v.effectiveFrom).getTime() > Date.now();
    return html`
      <dialog aria-labelledby="activate-title" data-testid="activate-dialog" @cancel=${(e: Event) => { e.preventDefault(); this.#close(false); }}>
        ${v ? html`
          <h2 id="activate-title">${at('confirmActivateTitle', { n: v.number })}</h2>
          <p>${at('confirmActivateFrom', { m: this.current, n: v.number })}${later ? at('confirmActivateLater', { t: formatDateTime(v.effectiveFrom) }) : at('confirmActivateNow')}</p>
          <p class="hint">${at('confirmActivateOpenCases', { m: this.current, n: v.number })}</p>
          ${v.reason ? html`<p><span class="muted">${at('reason')}：</span>${v.reason}</p>` : nothing}
          <div class="changes-box">
            ${this.error ? html`<div class="error-box">${this.error}</div>` : this.changes ? renderChanges(this.changes) : html`<p role="status">${at('loading')}</p>`}
          </div>
          <div class="toolbar">
            <span class="spacer"></span>
            <button type="button" @click=${() => this.#close(false)}>${at('cancel')}</button>
            <button type="button" class="primary" @click=${() => this.#close(true)}>${at('confirmActivate', { n: v.number })}</button>
          </div>` : nothing}
      </dialog>`;
  }
}

customElements.define('wy-admin-activate-dialog', WyAdminActivateDialog);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-activate-dialog': WyAdminActivateDialog;
  }
}
