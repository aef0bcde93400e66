import { LitElement, css, html, type PropertyValues } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { api, ApiError } from '../api.js';
import { appState, caseTypeInfo, caseTypeTitle, formDeclaration } from '../app-state.js';
import { attachmentIds } from '../field-values.js';
import { getLanguage, I18nController, loc, t } from '../i18n.js';
import { href } from '../router.js';
import { formServices } from '../services.js';
import { slotPanels } from '../plugin-ui-registry.js';
import { userHasPermission } from '../permissions.js';
import { base } from '../styles.js';
import type { CaseDetail, CaseEventView, FormDeclaration } from '../types.js';
import type { WyTransitionDialog } from './wy-transition-dialog.js';
import { dt } from './dispatch-i18n.js';
import './wy-case-header.js';
import './wy-case-deadlines.js';
import './wy-case-data.js';
import './wy-case-timeline.js';
import './wy-transition-dialog.js';
import './wy-follow-up-panel.js';
import './wy-attachment-list.js';
import './wy-case-links.js';
import './wy-case-convert-dialog.js';
import { lt as linksText } from './case-links-i18n.js';
import { staffPickerService } from './wy-case-assign.js';
import './wy-case-promise.js';

/**
 * One case: header and deadlines, the steps I may take (each opens its form), the follow-up,
 * print views, attachments, the data read through the forms, and the history.
 */
export class WyCasePage extends LitElement {
  static override properties = {
    caseType: { type: String },
    caseId: { type: Number },
    detail: { state: true },
    events: { state: true },
    loading: { state: true },
    error: { state: true },
    stale: { state: true },
    notice: { state: true },
  };

  static override styles = [base, css`
    :host { display: block; }
    .layout { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 16px; align-items: start; }
    @media (max-width: 1100px) { .layout { grid-template-columns: 1fr; } }
    .actions { display: flex; flex-wrap: wrap; gap: 8px; }
    .links { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
    .stale { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
    .back { display: inline-block; margin-bottom: 8px; }
  `];

  declare caseType: string;
  declare caseId: number;
  declare detail: CaseDetail | null;
  declare events: CaseEventView[];
  declare loading: boolean;
  declare error: string;
  declare stale: boolean;
  declare notice: string;
  #services = formServices(() => this.detail?.projectId ?? null);
  #seq = 0;

  constructor() {
    super();
    new I18nController(this);
    this.caseType = '';
    this.caseId = 0;
    this.detail = null;
    this.events = [];
    this.loading = true;
    this.error = '';
    this.stale = false;
    this.notice = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('caseType') || changed.has('caseId')) {
      this.detail = null;
      this.notice = '';
      void this.reload();
    }
  }

  /** Loads the case and its history again (after a step, or when someone else changed it). */
  async reload(): Promise<void> {
    const seq = ++this.#seq;
    this.loading = true;
    try {
      const base = `/api/cases/${this.caseType}/${this.caseId}`;
      const [detail, events] = await Promise.all([
        api.get<CaseDetail>(base),
        api.get<{ items: CaseEventView[] }>(`${base}/events`),
      ]);
      if (seq !== this.#seq) return;
      this.detail = detail;
      this.events = events.items;
      this.error = '';
      this.stale = false;
    } catch (err) {
      if (seq !== this.#seq) return;
      this.error = err instanceof ApiError ? (err.status === 404 ? t('notFound') : err.status === 0 ? t('networkError') : err.message) : t('networkError');
    } finally {
      if (seq === this.#seq) this.loading = false;
    }
  }

  #transitionForm(id: string): { title: string; form: FormDeclaration | null } {
    const d = this.detail!;
    const tf = d.transitionForms?.[id];
    const tr = caseTypeInfo(d.caseType)?.transitions[id];
    const title = loc(tf?.title) || loc(tr?.title) || id;
    if (tf) return { title, form: tf.form };
    return { title, form: formDeclaration(d.caseType, tr?.form) };
  }

  async #openTransition(id: string) {
    const d = this.detail!;
    const { title, form } = this.#transitionForm(id);
    const { me } = appState();
    this.notice = '';
    await this.renderRoot.querySelector<WyTransitionDialog>('wy-transition-dialog')?.open({
      caseType: d.caseType, caseId: d.id, version: d.version, transition: id, title, form,
      context: { data: d.data, case: { id: d.id, serial: d.serial, state: d.state, severity: d.severity, projectId: d.projectId }, actor: { staffId: me.id, roles: me.roles, name: me.name }, config: caseTypeInfo(d.caseType)?.settings ?? {} },
      services: { ...this.#services, ...staffPickerService(d.caseType, d.id, id) },
    });
  }

  #onChanged(e: CustomEvent<{ title?: string; transition?: string; case?: { data?: Record<string, unknown> } }>) {
    const done = e.detail?.title ? t('transitionDone', { title: e.detail.title }) : '';
    // a step may say how it turned out (its resultField, e.g. 候补第2位): shown with the notice
    const tr = e.detail?.transition ? caseTypeInfo(this.caseType)?.transitions[e.detail.transition] as { resultField?: string | null } | undefined : undefined;
    const result = tr?.resultField ? e.detail.case?.data?.[tr.resultField] : undefined;
    this.notice = typeof result === 'string' && result ? `${done} ${result}` : done;
    void this.reload();
  }

  /** What the enabled plugins show beside a case (slot 'case'), each element given the case type and id; loaded on first use. */
  #slots(caseType: string, caseId: number) {
    return slotPanels('case', caseType).filter((p) => userHasPermission(p.permission)).map((p) => {
      if (!customElements.get(p.tag)) void p.load().then(() => this.requestUpdate(), () => undefined);
      const tag = unsafeStatic(p.tag);
      return staticHtml`<${tag} .caseType=${caseType} .caseId=${caseId}></${tag}>`;
    });
  }

  override render() {
    if (this.error && !this.detail) return html`<div class="card"><div class="error-box" role="alert">${this.error}</div><a href=${href(`/cases/${this.caseType}`)}>‹ ${caseTypeTitle(this.caseType)}</a></div>`;
    if (!this.detail) return html`<p role="status">${t('loading')}</p>`;
    const d = this.detail;
    const info = caseTypeInfo(d.caseType);
    const forms: FormDeclaration[] = info ? [info.form, ...Object.values(info.transitions).map((tr) => formDeclaration(d.caseType, tr.form)).filter((f): f is FormDeclaration => !!f)] : [];
    const attachments = attachmentIds(forms, d.data);
    const docs = d.documents ?? [];
    return html`
      <a class="back" href=${href(`/cases/${d.caseType}`)}>‹ ${caseTypeTitle(d.caseType)}</a>
      ${this.stale ? html`<div class="error-box stale" role="alert"><strong>${t('staleTitle')}</strong><span>${t('staleBody')}</span>
        <button type="button" class="primary" @click=${() => this.reload()}>${t('reload')}</button></div>` : null}
      ${this.notice ? html`<div class="ok-box" role="status">${this.notice}</div>` : null}
      ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : null}
      <section class="card" aria-label=${d.serial}><wy-case-header .detail=${d}></wy-case-header></section>
      <div class="layout">
        <div>
          <section class="card" aria-labelledby="actions-title">
            <h2 id="actions-title">${t('actions')}</h2>
            ${d.availableTransitions.length ? html`<div class="actions">
              ${d.availableTransitions.map((id) => html`<button type="button" class="primary" data-transition=${id} @click=${() => this.#openTransition(id)}>${this.#transitionForm(id).title}</button>`)}
            </div>` : html`<p class="muted">${t('noActions')}</p>`}
            <div class="actions convert"><wy-case-convert .detail=${d} .services=${this.#services} @wy-stale=${() => { this.stale = true; }}
              @wy-case-converted=${(e: CustomEvent<{ target: { serial: string }; title: string }>) => { this.notice = linksText('converted', { title: e.detail.title, serial: e.detail.target.serial }); void this.reload(); }}></wy-case-convert></div>
          </section>
          ${d.followUpForm || d.followUps.length ? html`<section class="card" aria-labelledby="follow-up-title">
            <h2 id="follow-up-title">${t('followUp')}</h2>
            <wy-follow-up-panel .detail=${d} @wy-case-changed=${this.#onChanged} @wy-stale=${() => { this.stale = true; }}></wy-follow-up-panel>
          </section>` : null}
          <section class="card" aria-labelledby="data-title">
            <h2 id="data-title">${t('data')}</h2>
            <wy-case-data .detail=${d}></wy-case-data>
          </section>
          <section class="card" aria-labelledby="timeline-title">
            <h2 id="timeline-title">${t('timeline')}</h2>
            <wy-case-timeline case-type=${d.caseType} .events=${this.events} .deadlines=${d.deadlines}></wy-case-timeline>
          </section>
        </div>
        <aside>
          <section class="card" aria-labelledby="assignee-title">
            <h2 id="assignee-title">${dt('assignee')}</h2>
            <wy-case-assign .detail=${d} @wy-case-changed=${this.#onChanged} @wy-stale=${() => { this.stale = true; }}></wy-case-assign>
          </section>
          ${this.#slots(d.caseType, d.id)}
          <section class="card" aria-labelledby="links-title">
            <h2 id="links-title">${linksText('linksTitle')}</h2>
            <wy-case-links .caseType=${d.caseType} .caseId=${d.id} .version=${d.version}></wy-case-links>
          </section>
          <wy-case-promise .detail=${d} @wy-case-changed=${this.#onChanged} @wy-stale=${() => { this.stale = true; }}></wy-case-promise>
          <section class="card" aria-labelledby="deadlines-title">
            <h2 id="deadlines-title">${t('deadlines')}</h2>
            <wy-case-deadlines .deadlines=${d.deadlines}></wy-case-deadlines>
          </section>
          ${docs.length ? html`<section class="card" aria-labelledby="docs-title">
            <h2 id="docs-title">${t('documents')}</h2>
            <ul class="links">${docs.map((doc) => html`<li>
              <a href="/api/cases/${d.caseType}/${d.id}/documents/${doc.id}?lang=${getLanguage()}" target="_blank" rel="noopener" data-document=${doc.id}>${loc(doc.title) || doc.id}<span class="visually-hidden">${t('openInNewTab')}</span></a>
            </li>`)}</ul>
          </section>` : null}
          ${attachments.length ? html`<section class="card" aria-labelledby="att-title">
            <h2 id="att-title">${t('attachments')}</h2>
            <wy-attachment-list .ids=${attachments}></wy-attachment-list>
          </section>` : null}
        </aside>
      </div>
      <wy-transition-dialog @wy-case-changed=${this.#onChanged} @wy-stale=${() => { this.stale = true; }}></wy-transition-dialog>
    `;
  }
}

customElements.define('wy-case-page', WyCasePage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-case-page': WyCasePage;
  }
}
