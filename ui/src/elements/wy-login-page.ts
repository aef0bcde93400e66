import { LitElement, css, html } from 'lit';
import { api, ApiError } from '../api.js';
import { getLanguage, I18nController, setLanguage, t } from '../i18n.js';
import { base } from '../styles.js';

/**
 * Username and password; the server sets the session cookie.
 * @fires wy-logged-in - after a successful login
 */
export class WyLoginPage extends LitElement {
  static override properties = {
    busy: { state: true },
    error: { state: true },
  };

  static override styles = [base, css`
    :host { display: grid; place-items: center; min-height: 100vh; background: linear-gradient(160deg, #125e8a 0%, #0c4463 55%, #f3f5f8 55%); }
    form { width: min(360px, 92vw); display: flex; flex-direction: column; gap: 14px; padding: 28px; box-shadow: 0 8px 30px rgb(0 0 0 / 0.12); }
    .brand { text-align: center; }
    .brand h1 { margin-bottom: 4px; }
    .brand p { margin: 0; color: var(--wy-muted); }
    input { width: 100%; }
    label { width: 100%; }
    button.primary { justify-content: center; min-height: 38px; }
    .lang { align-self: center; border: none; background: none; color: var(--wy-primary); }
  `];

  declare busy: boolean;
  declare error: string;

  constructor() {
    super();
    new I18nController(this);
    this.busy = false;
    this.error = '';
  }

  override render() {
    return html`
      <form class="card" @submit=${this.#submit} aria-labelledby="login-title">
        <div class="brand">
          <h1 id="login-title">${t('appName')}</h1>
          <p>${t('loginSubtitle')} · ${t('loginTitle')}</p>
        </div>
        <label>${t('username')}<input name="username" autocomplete="username" required maxlength="64" autofocus /></label>
        <label>${t('password')}<input name="password" type="password" autocomplete="current-password" required maxlength="200" /></label>
        ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : null}
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? t('loggingIn') : t('login')}</button>
        <button class="lang" type="button" @click=${() => setLanguage(getLanguage() === 'en' ? 'zh-CN' : 'en')}>${t('switchLanguage')}</button>
      </form>
    `;
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    this.busy = true;
    this.error = '';
    try {
      await api.post('/api/auth/login', { username: String(data.get('username') ?? ''), password: String(data.get('password') ?? '') });
      this.dispatchEvent(new CustomEvent('wy-logged-in', { bubbles: true, composed: true }));
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      this.error = status === 401 || status === 400 ? t('loginFailed') : status === 429 ? t('loginRateLimited') : t('networkError');
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('wy-login-page', WyLoginPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-login-page': WyLoginPage;
  }
}
