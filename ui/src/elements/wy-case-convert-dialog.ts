import { LitElement, css, html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { api, ApiError } from '../api.js';
import { appState } from '../app-state.js';
import { getLanguage, I18nController, loc, t } from '../i18n.js';
import { issueText, localizeIssues } from '../issue-text.js';
import { base, dialogStyles } from '../styles.js';
import type { Issue } from '../types.js';
import type { CaseConversionsAnswer, CaseConvertAnswer } from '../../../core/http/api-types.js';
import { lt } from './case-links-i18n.js';
import '../../../forms/index.js';

type Offer = CaseConversionsAnswer['items'][number];

/**
 * 转为…: converts the case into another case type. Lists what the case may become now (the server
 * decides: the workflow's conversions, the state, the staff member's roles), shows the target's
 * registration form prefilled from this case, asks for the reason, and posts
 * `{ to, data, reason, version }`. Field issues (400) go onto the form.
 * @fires wy-case-converted - detail: { source, target, title }, after the conversion
 * @fires wy-stale - the case changed since it was loaded (409)
 */
export class WyCaseConvertDialog extends LitElement {
  static override properties = {
    offers: { state: true },
    chosen: { state: true },
    reason: { state: true },
    busy: { state: true },
    error: { state: true },
    issues: { state: true },
  };

  static override styles = [base, dialogStyles, css`
    :host { --wy-dialog-width: 820px; }
    .body { padding: 16px 18px; display: grid; gap: 14px; }
    .targets { display: flex; flex-wrap: wrap; gap: 8px; border: none; padding: 0; margin: 0; }
    .targets label { display: inline-flex; align-items: center; gap: 6px; border: 1px solid var(--wy-border); border-radius: 6px; padding: 8px 12px; cursor: pointer; }
    .targets label.on { border-color: var(--wy-primary, #2563eb); background: #eff6ff; }
    .reason textarea { width: 100%; min-height: 3.2em; box-sizing: border-box; }
    .outcome { background: #fffbeb; border: 1px solid #fcd34d; border-radius: 6px; padding: 8px 12px; }
    h3 { margin: 4px 0 0; font-size: 1rem; }
  `];

  declare offers: Offer[];
  declare chosen: string;
  declare reason: string;
  declare busy: boolean;
  declare error: string;
  declare issues: Issue[];
  #caseType = '';
  #caseId = 0;
  #version = 0;
  #context: Record<string, unknown> = {};
  #services: unknown = null;
  #opened = 0;

  constructor() {
    super();
    new I18nController(this);
    this.offers = [];
    this.chosen = '';
    this.reason = '';
    this.busy = false;
    this.error = '';
    this.issues = [];
  }

  /** Opens for a case; `offers` from GET /api/cases/<type>/<id>/conversions (the page already has them). */
  async open(request: { caseType: string; caseId: number; version: number; offers: Offer[]; context: Record<string, unknown>; services: unknown }): Promise<void> {
    this.#caseType = request.caseType;
    this.#caseId = request.caseId;
    this.#version = request.version;
    this.#context = request.context;
    this.#services = request.services;
    this.offers = request.offers;
    this.chosen = request.offers[0]?.to ?? '';
    this.reason = '';
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

  async #send(data: Record<string, unknown>) {
    const offer = this.offers.find((o) => o.to === this.chosen);
    if (!offer || this.busy) return;
    if (!this.reason.trim()) {
      this.error = lt('reasonRequired');
      this.renderRoot.querySelector<HTMLTextAreaElement>('#convert-reason')?.focus();
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const res = await api.post<CaseConvertAnswer>(`/api/cases/${this.#caseType}/${this.#caseId}/convert`, { to: offer.to, data, reason: this.reason.trim(), version: this.#version });
      this.close();
      this.dispatchEvent(new CustomEvent('wy-case-converted', { detail: { ...res, title: loc(offer.targetTitle) }, bubbles: true, composed: true }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        this.close();
        this.dispatchEvent(new CustomEvent('wy-stale', { bubbles: true, composed: true }));
      } else if (err instanceof ApiError && err.status === 400) {
        this.issues = localizeIssues(err.issues.filter((i) => i.pointer.startsWith('/data')));
        const other = err.issues.filter((i) => !i.pointer.startsWith('/data'));
        this.error = [t('formErrors'), ...other.map((i) => issueText(i).text)].join(' ');
      } else if (err instanceof ApiError && err.status === 403) {
        this.error = t('forbidden');
      } else if (err instanceof ApiError && err.status !== 0) {
        this.error = err.issues[0] ? issueText(err.issues[0]).text : err.message;
      } else {
        this.error = t('networkError');
      }
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const offer = this.offers.find((o) => o.to === this.chosen);
    const { me } = appState();
    return html`
      <dialog aria-labelledby="convert-title" @close=${() => { this.offers = []; }}>
        ${this.offers.length ? html`
          <div class="head">
            <h2 id="convert-title">${lt('convertTitle')}</h2>
            <span class="spacer"></span>
            <button type="button" @click=${() => this.close()} aria-label=${t('close')}>✕</button>
          </div>
          <div class="body">
            ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : null}
            <fieldset class="targets" role="radiogroup" aria-label=${lt('convertTo')}>
              ${this.offers.map((o) => html`<label class=${o.to === this.chosen ? 'on' : ''}>
                <input type="radio" name="convert-target" value=${o.to} .checked=${o.to === this.chosen}
                  @change=${() => { this.chosen = o.to; this.issues = []; this.error = ''; this.#opened++; }}>
                ${loc(o.label)}
              </label>`)}
            </fieldset>
            ${offer ? html`
              <div class="outcome">${offer.outcome === 'close' ? lt('outcomeClose', { state: loc(offer.stateTitle) }) : lt('outcomeWait', { state: loc(offer.stateTitle) })}</div>
              <div class="reason field">
                <label for="convert-reason">${lt('reasonLabel')} <span aria-hidden="true">*</span></label>
                <textarea id="convert-reason" required maxlength="500" .value=${this.reason} placeholder=${lt('reasonHelp')}
                  @input=${(e: Event) => { this.reason = (e.target as HTMLTextAreaElement).value; if (this.error === lt('reasonRequired')) this.error = ''; }}></textarea>
              </div>
              <h3>${lt('targetForm')}：${loc(offer.targetTitle)}</h3>
              ${keyed(`${this.#opened}-${offer.to}`, html`<wy-form
                .schema=${offer.formPayload.schema}
                .ui=${offer.formPayload.ui ?? undefined}
                .value=${{ ...offer.prefill }}
                .language=${getLanguage()}
                .context=${{ ...this.#context, data: {}, actor: { staffId: me.id, roles: me.roles, name: me.name }, config: offer.settings ?? {} }}
                .services=${this.#services}
                .errors=${this.issues}
                .submitLabel=${loc(offer.label)}
                .disabled=${this.busy}
                @wy-submit=${(e: CustomEvent<{ value: Record<string, unknown> }>) => this.#send(e.detail.value)}
              ></wy-form>`)}` : null}
          </div>` : null}
      </dialog>
    `;
  }
}

customElements.define('wy-case-convert-dialog', WyCaseConvertDialog);

declare global {
  interface HTMLElementTagNameMap {
    'wy-case-convert-dialog': WyCaseConvertDialog;
  }
}

/**
 * The 转为… button of a case page with its dialog: asks the server what the case may be converted
 * into now (nothing shown when nothing), and re-asks when the case's version changes.
 * @fires wy-case-converted - from the dialog
 */
export class WyCaseConvert extends LitElement {
  static override properties = {
    detail: { attribute: false },
    services: { attribute: false },
    offers: { state: true },
  };

  static override styles = [base, css`:host { display: contents; }`];

  declare detail: { caseType: string; id: number; version: number; serial: string; state: string; severity: string | null; projectId: number; data: Record<string, unknown> } | null;
  declare services: unknown;
  declare offers: Offer[];
  #loadedFor = '';

  constructor() {
    super();
    new I18nController(this);
    this.detail = null;
    this.services = null;
    this.offers = [];
  }

  protected override willUpdate(): void {
    const d = this.detail;
    const key = d ? `${d.caseType}/${d.id}/${d.version}` : '';
    if (key && key !== this.#loadedFor) {
      this.#loadedFor = key;
      void api.get<CaseConversionsAnswer>(`/api/cases/${d!.caseType}/${d!.id}/conversions`)
        .then((res) => { if (this.#loadedFor === key) this.offers = res.items; }, () => { this.offers = []; });
    }
  }

  #open() {
    const d = this.detail!;
    void this.renderRoot.querySelector<WyCaseConvertDialog>('wy-case-convert-dialog')?.open({
      caseType: d.caseType, caseId: d.id, version: d.version, offers: this.offers,
      context: { case: { caseType: d.caseType, projectId: d.projectId }, unit: null, person: null },
      services: this.services,
    });
  }

  override render() {
    if (!this.offers.length) return null;
    return html`<button type="button" data-convert @click=${() => this.#open()}>${lt('convertButton')}</button>
      <wy-case-convert-dialog></wy-case-convert-dialog>`;
  }
}

customElements.define('wy-case-convert', WyCaseConvert);

declare global {
  interface HTMLElementTagNameMap {
    'wy-case-convert': WyCaseConvert;
  }
}
