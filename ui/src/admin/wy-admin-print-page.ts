import { LitElement, css, html, nothing } from 'lit';
import { api, ApiError } from '../api.js';
import { I18nController, loc } from '../i18n.js';
import { base } from '../styles.js';
import { adminStyles } from './admin-styles.js';
import { at, issueMessage } from './admin-i18n.js';
import type { FormDeclaration, Issue, WorkflowDeclaration } from './admin-types.js';
import { defaultPlugin } from './default-plugin.js';
import { declPointer, draft, DraftController } from './draft-store.js';
import { ctl, focusPointer, invalid, issueId, issueNote } from './issue-view.js';
import { syncSelects } from './select-sync.js';
import { insertables, insertSnippet, previewData, type Insertable } from './template-fields.js';

interface DocChoice { caseType: string; documentId: string; template: string; label: string }
interface PreviewAnswer { html: string | null; issues: Issue[] }

/** How long typing pauses before the preview is asked for again. */
const PREVIEW_DEBOUNCE_MS = 700;

/**
 * 打印模板: a case type's printable documents. The template's source is edited as text with the
 * case's items and fields listed for insertion by their titles; the preview is rendered by the
 * server from the draft with sample data (POST /api/config/preview-document: the same checks as
 * a proposal, output always escaped) and shown in a sandboxed frame that runs no script. The
 * server's problems with the template are shown on the text box.
 */
export class WyAdminPrintPage extends LitElement {
  static override properties = {
    query: { attribute: false },
    pluginId: { state: true },
    choice: { state: true },
    previewHtml: { state: true },
    previewIssues: { state: true },
    previewState: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    .layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(320px, 1fr); gap: 16px; align-items: start; }
    label.source-label { display: flex; flex-direction: column; gap: 4px; width: 100%; }
    textarea.source { width: 100%; min-height: 360px; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; box-sizing: border-box; }
    .inserts { display: flex; flex-wrap: wrap; gap: 6px; max-height: 220px; overflow: auto; margin: 6px 0 10px; }
    .inserts button { font-size: 13px; padding: 3px 8px; }
    .group-title { font-size: 13px; color: var(--wy-muted); margin: 8px 0 2px; font-weight: 600; }
    iframe { width: 100%; height: 560px; border: 1px solid var(--wy-border); border-radius: var(--wy-radius); background: #fff; }
    @media (max-width: 1000px) { .layout { grid-template-columns: 1fr; } iframe { height: 420px; } textarea.source { min-height: 240px; } }
  `];

  declare query: URLSearchParams;
  declare pluginId: string;
  declare choice: string;
  declare previewHtml: string;
  declare previewIssues: Issue[];
  declare previewState: '' | 'loading' | 'failed';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #asked = 0;
  #previewedFor = '';
  #focused = '';

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
    this.query = new URLSearchParams();
    this.pluginId = '';
    this.choice = '';
    this.previewHtml = '';
    this.previewIssues = [];
    this.previewState = '';
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('query')) {
      const plugins = this.#plugins();
      const plugin = this.query.get('plugin');
      this.pluginId = plugin && plugins.includes(plugin) ? plugin : defaultPlugin(plugins);
      const docs = this.#documents();
      const wanted = this.query.get('document');
      this.choice = docs.find((d) => `${d.caseType}/${d.documentId}` === wanted) ? wanted! : docs[0] ? `${docs[0].caseType}/${docs[0].documentId}` : '';
      const focus = this.query.get('focus');
      const m = focus ? /\/templates\/([^/]+)/.exec(focus) : null;
      const byTemplate = m ? docs.find((d) => d.template === m[1]) : undefined;
      if (byTemplate) this.choice = `${byTemplate.caseType}/${byTemplate.documentId}`;
    }
  }

  override updated(): void {
    syncSelects(this.renderRoot);
    const focus = this.query.get('focus');
    if (focus && focus !== this.#focused && focusPointer(this.renderRoot, focus)) this.#focused = focus;
    // a first look at the chosen document, and again when the draft changed elsewhere
    const key = `${this.pluginId}|${this.choice}|${draft.scope ?? ''}`;
    if (this.choice && key !== this.#previewedFor) {
      this.#previewedFor = key;
      this.#schedulePreview(0);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  /** plugins (and the company's own types) with at least one printable document */
  #plugins(): string[] {
    return draft.pluginIds().filter((id) => this.#documentsOf(id).length > 0);
  }

  #documentsOf(pluginId: string): DocChoice[] {
    const out: DocChoice[] = [];
    for (const caseType of draft.names(pluginId, 'workflows')) {
      const wf = draft.decl<WorkflowDeclaration>(pluginId, 'workflows', caseType);
      for (const [documentId, d] of Object.entries(wf?.documents ?? {})) {
        out.push({ caseType, documentId, template: d.template, label: `${loc(wf?.title) || caseType} · ${loc(d.title) || documentId}` });
      }
    }
    return out;
  }

  #documents(): DocChoice[] {
    return this.#documentsOf(this.pluginId);
  }

  #chosen(): DocChoice | undefined {
    return this.#documents().find((d) => `${d.caseType}/${d.documentId}` === this.choice);
  }

  #select(plugin: string, choice: string) {
    const q = new URLSearchParams(this.query);
    q.set('plugin', plugin);
    if (choice) q.set('document', choice);
    else q.delete('document');
    q.delete('focus');
    history.replaceState(null, '', `#/admin/print?${q.toString()}`);
    this.query = q;
  }

  #schedulePreview(delay = PREVIEW_DEBOUNCE_MS) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#preview(), delay);
  }

  async #preview() {
    const doc = this.#chosen();
    const wf = doc ? draft.decl<WorkflowDeclaration>(this.pluginId, 'workflows', doc.caseType) : undefined;
    if (!doc || !wf) return;
    const forms = Object.fromEntries(draft.names(this.pluginId, 'forms').map((n) => [n, draft.decl<FormDeclaration>(this.pluginId, 'forms', n)]));
    const asked = ++this.#asked;
    this.previewState = 'loading';
    try {
      const res = await api.post<PreviewAnswer>('/api/config/preview-document', {
        document: draft.document(), ...(draft.scope ? { projectCode: draft.scope } : {}),
        caseType: doc.caseType, documentId: doc.documentId, data: previewData(wf, forms, new Date()),
      });
      if (asked !== this.#asked) return; // a newer edit asked again
      this.previewIssues = res.issues;
      if (res.html !== null) this.previewHtml = res.html;
      this.previewState = '';
    } catch (e) {
      if (asked !== this.#asked) return;
      this.previewIssues = e instanceof ApiError ? e.issues as Issue[] : [];
      this.previewState = 'failed';
    }
  }

  #setSource(template: string, source: string) {
    draft.setDecl(this.pluginId, 'templates', template, source);
    this.#schedulePreview();
  }

  #insert(template: string, item: Insertable) {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea.source');
    const source = draft.decl<string>(this.pluginId, 'templates', template) ?? '';
    const { source: next, caret } = insertSnippet(source, area?.selectionStart ?? source.length, area?.selectionEnd ?? source.length, item.snippet);
    this.#setSource(template, next);
    void this.updateComplete.then(() => {
      area?.focus();
      area?.setSelectionRange(caret, caret);
    });
  }

  override render() {
    const plugins = this.#plugins();
    const docs = this.#documents();
    const doc = this.#chosen();
    return html`
      <div class="toolbar">
        <label>${at('plugin')}
          <select data-value=${this.pluginId} @change=${(e: Event) => { const p = (e.target as HTMLSelectElement).value; const first = this.#documentsOf(p)[0]; this.#select(p, first ? `${first.caseType}/${first.documentId}` : ''); }}>
            ${plugins.map((id) => html`<option value=${id} ?selected=${id === this.pluginId}>${loc(draft.decls[id]?.manifest?.title) || id}</option>`)}
          </select></label>
        <label>${at('printDocument')}
          <select data-testid="document-picker" data-value=${this.choice} @change=${(e: Event) => this.#select(this.pluginId, (e.target as HTMLSelectElement).value)}>
            ${docs.map((d) => html`<option value=${`${d.caseType}/${d.documentId}`} ?selected=${`${d.caseType}/${d.documentId}` === this.choice}>${d.label}</option>`)}
          </select></label>
      </div>
      ${doc ? this.#editor(doc) : html`<p class="muted">${at('printNoDocuments')}</p>`}
    `;
  }

  #editor(doc: DocChoice) {
    const wf = draft.decl<WorkflowDeclaration>(this.pluginId, 'workflows', doc.caseType)!;
    const forms = Object.fromEntries(draft.names(this.pluginId, 'forms').map((n) => [n, draft.decl<FormDeclaration>(this.pluginId, 'forms', n)]));
    const source = draft.decl<string>(this.pluginId, 'templates', doc.template) ?? '';
    const ptr = declPointer(draft.scope, this.pluginId, 'templates', doc.template);
    const items = insertables(wf, forms);
    const problems = this.previewIssues;
    const bad = problems.length > 0 || invalid(ptr) === 'true';
    const group = (g: Insertable['group'], title: string) => {
      const list = items.filter((i) => i.group === g);
      return list.length ? html`
        <div class="group-title">${title}</div>
        <div class="inserts" role="group" aria-label=${title}>
          ${list.map((i) => html`<button type="button" title=${i.snippet} @click=${() => this.#insert(doc.template, i)}>${loc(i.label)}</button>`)}
        </div>` : nothing;
    };
    return html`
      <div class="layout">
        <section class="card" aria-labelledby="template-title">
          <h2 id="template-title">${at('printTemplateOf', { name: doc.label })}</h2>
          <p class="hint">${at('printInsertHint')}</p>
          ${group('field', at('printInsertFields'))}
          ${group('case', at('printInsertCase'))}
          ${group('step', at('printInsertSteps'))}
          <label class="source-label">${at('printSource')}
            <textarea class="source" spellcheck="false" .value=${source} data-pointer=${ctl(ptr)} aria-invalid=${bad ? 'true' : 'false'} aria-describedby=${`${issueId(ptr)} preview-problems`}
              @input=${(e: Event) => this.#setSource(doc.template, (e.target as HTMLTextAreaElement).value)}></textarea>
          </label>
          ${issueNote(ptr)}
          ${problems.length ? html`<div class="issue" role="alert" id="preview-problems" data-testid="template-problems">
            ${problems.map((i) => html`<div>${issueMessage(i)}</div>`)}</div>` : nothing}
          <p class="hint">${at('printEscapeHint')}</p>
        </section>
        <section class="card" aria-labelledby="print-preview-title">
          <div class="card-head">
            <h2 id="print-preview-title">${at('printPreview')}</h2>
            <span class="spacer"></span>
            <span class="small muted" role="status">${this.previewState === 'loading' ? at('printPreviewLoading') : this.previewState === 'failed' ? at('printPreviewFailed') : problems.length ? at('printPreviewStale') : ''}</span>
            <button type="button" @click=${() => this.#schedulePreview(0)}>${at('printPreviewRefresh')}</button>
          </div>
          <p class="hint">${at('printPreviewHint')}</p>
          <!-- rendered and escaped by the server; the empty sandbox runs no script and reaches nothing -->
          <iframe data-testid="print-preview" title=${at('printPreview')} sandbox="" .srcdoc=${this.previewHtml}></iframe>
        </section>
      </div>
    `;
  }
}

customElements.define('wy-admin-print-page', WyAdminPrintPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-print-page': WyAdminPrintPage;
  }
}
