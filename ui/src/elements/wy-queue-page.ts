import { LitElement, css, html, type PropertyValues } from 'lit';
import { api, ApiError } from '../api.js';
import { I18nController, t } from '../i18n.js';
import { queueOrder } from '../queue-order.js';
import { href, navigate } from '../router.js';
import { base } from '../styles.js';
import type { CaseView } from '../types.js';
import './wy-case-table.js';
import './wy-home-summary.js';
import { dt } from './dispatch-i18n.js';

type Scope = 'mine' | 'team' | 'registered';
const SCOPES: Scope[] = ['mine', 'team', 'registered'];

/** The scope the address asks for (the app shell knows mine and team; 我登记的 is read here). */
function scopeInAddress(): Scope | null {
  const query = new URLSearchParams(location.hash.split('?')[1] ?? '');
  return query.get('scope') === 'registered' ? 'registered' : null;
}

/**
 * 工作台: today's figures and quick registration (wy-home-summary), then the open cases named to
 * me (我的待办), waiting in my roles' queues (本岗位待办), or registered by me (我登记的), overdue
 * first, each with its 经办人. Refreshes every minute.
 */
export class WyQueuePage extends LitElement {
  static override properties = {
    scope: { type: String },
    items: { state: true },
    loading: { state: true },
    error: { state: true },
  };

  static override styles = [base, css`
    :host { display: block; }
    [role='tablist'] { display: flex; gap: 4px; border-bottom: 1px solid var(--wy-border); margin-bottom: 12px; }
    [role='tab'] {
      border: none; border-bottom: 2px solid transparent; border-radius: 0; background: none; padding: 8px 16px; color: var(--wy-muted);
    }
    [role='tab'][aria-selected='true'] { border-bottom-color: var(--wy-primary); color: var(--wy-primary-dark); font-weight: 600; }
    .hint { font-size: 13px; margin-top: 0; }
    .toolbar h1 { margin: 0; }
  `];

  declare scope: Scope;
  declare items: CaseView[];
  declare loading: boolean;
  declare error: string;
  #timer: ReturnType<typeof setInterval> | undefined;
  #abort: AbortController | undefined;

  constructor() {
    super();
    new I18nController(this);
    this.scope = 'mine';
    this.items = [];
    this.loading = true;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#timer = setInterval(() => { void this.#load(true); void this.#summary()?.reload(); }, 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('scope')) {
      if (this.scope !== 'team' && scopeInAddress() === 'registered') this.scope = 'registered';
      void this.#load(false);
    }
  }

  #summary() {
    return this.renderRoot.querySelector('wy-home-summary');
  }

  async #load(quiet: boolean) {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    if (!quiet) this.loading = true;
    try {
      const res = await api.get<{ items: CaseView[] }>('/api/queue', { scope: this.scope, limit: 50 }, { signal: abort.signal });
      this.items = [...res.items].sort(queueOrder);
      this.error = '';
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      this.error = err instanceof ApiError && err.status ? err.message : t('networkError');
    }
    if (abort === this.#abort) this.loading = false;
  }

  #select(scope: Scope) {
    navigate(href('/', { scope: scope === 'mine' ? undefined : scope }), { replace: true });
    // the shell passes mine for any scope it does not know: take 我登记的 here
    if (scope === 'registered') this.scope = 'registered';
  }

  #onTabKey(e: KeyboardEvent) {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const at = SCOPES.indexOf(this.scope);
    const next: Scope = SCOPES[(at + (e.key === 'ArrowRight' ? 1 : SCOPES.length - 1)) % SCOPES.length]!;
    this.#select(next);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  }

  override render() {
    const tab = (scope: Scope, label: string) => html`
      <button role="tab" id="tab-${scope}" aria-selected=${this.scope === scope ? 'true' : 'false'} aria-controls="queue-panel"
        tabindex=${this.scope === scope ? 0 : -1} @click=${() => this.#select(scope)} @keydown=${this.#onTabKey}>${label}</button>`;
    return html`
      <div class="toolbar">
        <h1>${t('queueTitle')}</h1>
        <span class="spacer"></span>
        <button type="button" @click=${() => { void this.#load(false); void this.#summary()?.reload(); }}>${t('refresh')}</button>
      </div>
      <wy-home-summary></wy-home-summary>
      <div role="tablist" aria-label=${t('queueTitle')}>
        ${tab('mine', t('queueMine'))}
        ${tab('team', t('queueTeam'))}
        ${tab('registered', dt('queueRegistered'))}
      </div>
      <section id="queue-panel" role="tabpanel" aria-labelledby="tab-${this.scope}" class="card" aria-busy=${this.loading ? 'true' : 'false'}>
        <p class="muted hint">${this.scope === 'registered' ? dt('queueRegisteredHint') : this.scope === 'mine' ? dt('queueMineHint') : t('queueHint')}</p>
        ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : null}
        ${this.loading && !this.items.length ? html`<p role="status">${t('loading')}</p>` : html`
          <wy-case-table show-type show-household .items=${this.items} empty-text=${t('queueEmpty')} caption=${this.scope === 'mine' ? t('queueMine') : this.scope === 'team' ? t('queueTeam') : dt('queueRegistered')}></wy-case-table>`}
      </section>
    `;
  }
}

customElements.define('wy-queue-page', WyQueuePage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-queue-page': WyQueuePage;
  }
}
