/**
 * The household archive's edit dialog: a small form (text, phone, date, select fields) whose
 * submit calls the page's save function; the server's refusals show beside the field they name
 * (/phone, /person/phone, /owners/0/person/name …) or above the form.
 */
import { LitElement, css, html, nothing } from 'lit';
import { ApiError } from '../api.js';
import { I18nController, t } from '../i18n.js';
import { base } from '../styles.js';
import { at, issueMessage } from './archive-i18n.js';

export interface DialogField {
  name: string;
  label: string;
  type?: 'text' | 'tel' | 'date' | 'select' | 'textarea';
  options?: { value: string; label: string }[];
  required?: boolean;
  value?: string;
  /** server pointers that belong to this field */
  pointers?: string[];
  maxLength?: number;
}

export interface DialogRequest {
  title: string;
  intro?: string;
  fields: DialogField[];
  submitLabel?: string;
  danger?: boolean;
  /** resolves when saved; an ApiError shows its issues */
  save(values: Record<string, string>): Promise<void>;
}

export class WyArchiveDialog extends LitElement {
  static override properties = { request: { state: true }, busy: { state: true }, error: { state: true }, fieldErrors: { state: true } };

  static override styles = [base, css`
    dialog { border: none; border-radius: 8px; padding: 0; width: min(480px, 96vw); max-height: 92vh; box-shadow: 0 12px 40px rgb(0 0 0 / 0.25); }
    dialog::backdrop { background: rgb(15 23 42 / 0.45); }
    .head { display: flex; align-items: center; padding: 12px 16px; border-bottom: 1px solid var(--wy-border); }
    .head h2 { margin: 0; font-size: 17px; }
    form { padding: 14px 16px; display: flex; flex-direction: column; gap: 12px; }
    label { width: 100%; }
    input, select, textarea { width: 100%; box-sizing: border-box; }
    .field-error { color: var(--wy-danger); font-size: 12px; }
    .buttons { display: flex; gap: 8px; justify-content: flex-end; margin-top: 4px; }
    .intro { margin: 0; color: var(--wy-muted); font-size: 13px; }
  `];

  declare request: DialogRequest | null;
  declare busy: boolean;
  declare error: string;
  declare fieldErrors: Record<string, string>;

  constructor() {
    super();
    new I18nController(this);
    this.request = null;
    this.busy = false;
    this.error = '';
    this.fieldErrors = {};
  }

  async open(request: DialogRequest): Promise<void> {
    this.request = request;
    this.error = '';
    this.fieldErrors = {};
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
    (this.renderRoot.querySelector('input, select, textarea') as HTMLElement | null)?.focus();
  }

  close(): void {
    this.renderRoot.querySelector('dialog')?.close();
    this.request = null;
  }

  async #submit(e: Event) {
    e.preventDefault();
    const r = this.request;
    if (!r || this.busy) return;
    const form = e.target as HTMLFormElement;
    const values: Record<string, string> = {};
    const missing: Record<string, string> = {};
    for (const f of r.fields) {
      const el = form.elements.namedItem(f.name) as HTMLInputElement | null;
      values[f.name] = (el?.value ?? '').trim();
      if (f.required && !values[f.name]) missing[f.name] = at('required');
    }
    if (Object.keys(missing).length) { this.fieldErrors = missing; return; }
    this.busy = true;
    this.error = '';
    this.fieldErrors = {};
    try {
      await r.save(values);
      this.close();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.code === 'WUYE_STALE_VERSION') {
        this.error = at('stale');
      } else if (err instanceof ApiError && err.status) {
        const byField: Record<string, string> = {};
        const rest: string[] = [];
        for (const issue of err.issues) {
          const field = r.fields.find((f) => (f.pointers ?? [`/${f.name}`]).includes(issue.pointer));
          if (field) byField[field.name] = issueMessage(issue);
          else rest.push(issueMessage(issue));
        }
        this.fieldErrors = byField;
        this.error = rest.join('；') || (Object.keys(byField).length ? '' : err.message);
      } else {
        this.error = t('networkError');
      }
    } finally {
      this.busy = false;
    }
  }

  #field(f: DialogField) {
    const id = `f-${f.name}`;
    const err = this.fieldErrors[f.name];
    const control = f.type === 'select'
      ? html`<select id=${id} name=${f.name} ?required=${f.required} aria-invalid=${err ? 'true' : 'false'}>
          ${f.required ? nothing : html`<option value="">—</option>`}
          ${f.options?.map((o) => html`<option value=${o.value} ?selected=${o.value === f.value}>${o.label}</option>`)}
        </select>`
      : f.type === 'textarea'
        ? html`<textarea id=${id} name=${f.name} maxlength=${f.maxLength ?? 200} rows="2" .value=${f.value ?? ''}></textarea>`
        : html`<input id=${id} name=${f.name} type=${f.type === 'date' ? 'date' : f.type === 'tel' ? 'tel' : 'text'} inputmode=${f.type === 'tel' ? 'tel' : nothing}
            maxlength=${f.maxLength ?? 100} .value=${f.value ?? ''} aria-invalid=${err ? 'true' : 'false'} aria-describedby=${err ? `${id}-err` : nothing}>`;
    return html`<label for=${id}>${f.label}${f.required ? ' *' : ''}${control}${err ? html`<span class="field-error" id=${`${id}-err`}>${err}</span>` : nothing}</label>`;
  }

  override render() {
    const r = this.request;
    return html`<dialog aria-labelledby="archive-dialog-title" @close=${() => { this.request = null; }}>
      ${r ? html`
        <div class="head"><h2 id="archive-dialog-title">${r.title}</h2><span class="spacer"></span>
          <button type="button" @click=${() => this.close()} aria-label=${t('close')}>✕</button></div>
        <form @submit=${(e: Event) => this.#submit(e)} novalidate>
          ${r.intro ? html`<p class="intro">${r.intro}</p>` : nothing}
          ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : nothing}
          ${r.fields.map((f) => this.#field(f))}
          <div class="buttons">
            <button type="button" @click=${() => this.close()}>${at('cancel')}</button>
            <button type="submit" class=${r.danger ? 'danger' : 'primary'} ?disabled=${this.busy}>${this.busy ? at('saving') : r.submitLabel ?? at('save')}</button>
          </div>
        </form>` : nothing}
    </dialog>`;
  }
}

customElements.define('wy-archive-dialog', WyArchiveDialog);

declare global {
  interface HTMLElementTagNameMap {
    'wy-archive-dialog': WyArchiveDialog;
  }
}
