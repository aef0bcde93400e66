import { LitElement, css, html } from 'lit';
import { api, ApiError } from '../api.js';
import { getLanguage, I18nController, t } from '../i18n.js';
import { base } from '../styles.js';

/** This page's words are the shell's `password_*` messages; the server's refusals come in both languages ("中文 / English") and are split. */
const w = (key: 'title' | 'current' | 'next' | 'repeat' | 'save' | 'saving' | 'hint' | 'mismatch' | 'done' | 'tooMany' | 'failed') => t(`password_${key}`);
/** "中文 / English" → the reader's half. */
const serverText = (message: string) => {
  const [zh, en] = message.split(' / ');
  return (getLanguage() === 'en' ? en ?? zh : zh) ?? message;
};

/** Self-service password change (POST /api/auth/password): current password, new one twice. */
export class WyPasswordPage extends LitElement {
  static override properties = {
    busy: { state: true },
    errors: { state: true },
    done: { state: true },
  };

  static override styles = [base, css`
    form { max-width: 420px; display: flex; flex-direction: column; gap: 14px; }
    input { width: 100%; }
    .hint { color: var(--wy-muted); margin: 0; }
    .field-error { color: var(--wy-danger); font-size: 13px; }
    .ok { background: var(--wy-ok-light); color: var(--wy-ok); padding: 10px 12px; border-radius: var(--wy-radius); }
  `];

  declare busy: boolean;
  /** by field name ('' for the whole form) */
  declare errors: Record<string, string>;
  declare done: boolean;

  constructor() {
    super();
    new I18nController(this);
    this.busy = false;
    this.errors = {};
    this.done = false;
  }

  override render() {
    const error = (field: string) => (this.errors[field] ? html`<span class="field-error" id=${`${field}-error`}>${this.errors[field]}</span>` : null);
    return html`
      <form class="card" @submit=${this.#submit} aria-labelledby="password-title">
        <h1 id="password-title">${w('title')}</h1>
        <p class="hint">${w('hint')}</p>
        <label>${w('current')}<input name="currentPassword" type="password" autocomplete="current-password" required maxlength="200" aria-describedby="currentPassword-error" /></label>
        ${error('currentPassword')}
        <label>${w('next')}<input name="newPassword" type="password" autocomplete="new-password" required minlength="8" maxlength="200" aria-describedby="newPassword-error" /></label>
        ${error('newPassword')}
        <label>${w('repeat')}<input name="repeat" type="password" autocomplete="new-password" required maxlength="200" aria-describedby="repeat-error" /></label>
        ${error('repeat')}
        ${this.errors[''] ? html`<div class="error-box" role="alert">${this.errors['']}</div>` : null}
        ${this.done ? html`<div class="ok" role="status">${w('done')}</div>` : null}
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? w('saving') : w('save')}</button>
      </form>
    `;
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const currentPassword = String(data.get('currentPassword') ?? '');
    const newPassword = String(data.get('newPassword') ?? '');
    this.done = false;
    if (newPassword !== String(data.get('repeat') ?? '')) {
      this.errors = { repeat: w('mismatch') };
      return;
    }
    this.busy = true;
    this.errors = {};
    try {
      await api.post('/api/auth/password', { currentPassword, newPassword });
      this.done = true;
      form.reset();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.issues.length) {
        this.errors = Object.fromEntries(err.issues.map((i) => [i.pointer.slice(1), serverText(i.message)]));
      } else {
        this.errors = { '': err instanceof ApiError && err.status === 429 ? w('tooMany') : w('failed') };
      }
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('wy-password-page', WyPasswordPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-password-page': WyPasswordPage;
  }
}
