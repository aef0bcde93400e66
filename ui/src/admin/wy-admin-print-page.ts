import { LitElement, css, html, nothing } from 'lit';
import { api, ApiError } from '../api.js';
import { I18nController, loc } from '../i18n.js';
import { navigate } from '../router.js';
import { base } from '../styles.js';
import { adminStyles } from './admin-styles.js';
import { at, issueMessage } from './admin-i18n.js';
import type { FormDeclaration, Issue, WorkflowDeclaration } from './admin-types.js';
import { defaultPlugin } from './default-plugin.js';
import { declPointer, draft, DraftController } from './draft-store.js';
import { ctl, focusPointer, invalid, issueId, issueNote } from './issue-view.js';
import { syncSelects } from './select-sync.js';
import { insertables, insertSnippet, previewData, type Insertable } from './template-fields.js';
import { addDocument, checkDocumentTitle, printableStates, removeDocument, renamed, withStates } from './print-documents.js';
import './types-i18n.js';

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
 * The admin adds documents (新增打印单据: a title and the states it may be printed in; ids and a
 * starter page generated, print-documents.ts), renames and removes them. A type without any
 * document is listed too, so a company's new type gets its first one here.
 */
export class WyAdminPrintPage extends LitElement {
  static override properties = {
    query: { attribute: false },
    pluginId: { state: true },
    choice: { state: true },
    previewHtml: { state: true },
    previewIssues: { state: true },
    previewState: { state: true },
    newError: { state: true },
    newStates: { state: true },
    newCaseType: { state: true },
    renameError: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    .layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(320px, 1fr); gap: 16px; align-items: start; }
    label.source-label { display: flex; flex-direction: column; gap: 4px; width: 100%; }
    textarea.source { width: 100%; min-height: 360px; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; box-sizing: border-box; }
    .inserts { display: flex; flex-wrap: wrap; gap: 6px; max-height: 220px; overflow: auto; margin: 6px 0 10px; }
    .inserts button { font-size: 13px; padding: 3px 8px; }
    .group-title { font-size: 13px; color: var(--wy-muted); margin: 8px 0 2px; font-weight: 600; }
    .doc-settings { display: flex; gap: 12px; align-items: flex-end; flex-wrap: wrap; }
    .doc-settings fieldset, .new-doc fieldset { flex: 1 1 260px; }
    .new-doc form { display: flex; gap: 12px; align-items: flex-end; flex-wrap: wrap; }
    iframe { width: 100%; height: 560px; border: 1px solid var(--wy-border); border-radius: var(--wy-radius); background: #fff; }
    @media (max-width: 1000px) { .layout { grid-template-columns: 1fr; } iframe { height: 420px; } textarea.source { min-height: 240px; } }
  `];

  declare query: URLSearchParams;
  declare pluginId: string;
  declare choice: string;
  declare previewHtml: string;
  declare previewIssues: Issue[];
  declare previewState: '' | 'loading' | 'failed';
  /** 新增打印单据: the refusal of the title typed (a message key), the states ticked, the type it is for */
  declare newError: string;
  declare newStates: string[];
  declare newCaseType: string;
  declare renameError: string;
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
    this.newError = '';
    this.newStates = [];
    this.newCaseType = '';
    this.renameError = '';
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

  /** plugins and the company's own types with a case type (one without documents may get its first) */
  #plugins(): string[] {
    return draft.pluginIds().filter((id) => draft.names(id, 'workflows').length > 0);
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
    // through the router (not only history): the shell re-renders on every draft change with the
    // route's query, which must already name the document just added
    navigate(`#/admin/print?${q.toString()}`, { replace: true });
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
      ${doc ? this.#settings(doc) : html`<p class="muted">${at('printNoDocuments')}</p>`}
      ${doc ? this.#editor(doc) : nothing}
      ${this.#newDocument(doc)}
    `;
  }

  #forms() {
    return Object.fromEntries(draft.names(this.pluginId, 'forms').map((n) => [n, draft.decl<FormDeclaration>(this.pluginId, 'forms', n)]));
  }

  #workflow(caseType: string) {
    return draft.decl<WorkflowDeclaration>(this.pluginId, 'workflows', caseType);
  }

  #stateChoices(wf: WorkflowDeclaration | undefined, selected: string[], pick: (states: string[]) => void, label: string) {
    const states = Object.entries(wf?.states ?? {});
    return html`
      <fieldset>
        <legend>${label}</legend>
        <div class="chips">
          ${states.map(([id, st]) => html`<label><input type="checkbox" .checked=${selected.includes(id)}
            @change=${(e: Event) => pick((e.target as HTMLInputElement).checked ? [...selected, id] : selected.filter((x) => x !== id))}>${loc(st.title) || id}</label>`)}
        </div>
        <span class="hint">${at('pd_statesHint')}</span>
      </fieldset>`;
  }

  /** The chosen document's name, the states it may be printed in, and its removal. */
  #settings(doc: DocChoice) {
    const wf = this.#workflow(doc.caseType);
    const d = wf?.documents?.[doc.documentId];
    if (!wf || !d) return nothing;
    const states = printableStates(d);
    const docPtr = declPointer(draft.scope, this.pluginId, 'workflows', doc.caseType, 'documents', doc.documentId);
    const setDoc = (next: typeof d) => {
      draft.update<WorkflowDeclaration>(this.pluginId, 'workflows', doc.caseType, (w) => { w.documents = { ...(w.documents ?? {}), [doc.documentId]: next }; });
      this.#schedulePreview(0); // the page prints the document's title
    };
    const rename = (e: Event) => {
      const title = (e.target as HTMLInputElement).value.trim();
      const problem = checkDocumentTitle(title, wf, doc.documentId);
      this.renameError = problem;
      if (!problem && title !== d.title['zh-CN']) setDoc(renamed(d, title));
    };
    const remove = () => {
      if (!confirm(at('pd_removeConfirm', { name: loc(d.title) }))) return;
      const { workflow, templateUnused } = removeDocument(wf, doc.documentId);
      draft.setDecl(this.pluginId, 'workflows', doc.caseType, workflow);
      if (templateUnused) draft.setDecl(this.pluginId, 'templates', d.template, null);
      this.renameError = '';
      this.#select(this.pluginId, '');
    };
    return html`
      <section class="card" aria-labelledby="doc-settings-title" data-pointer=${ctl(docPtr)}>
        <h2 id="doc-settings-title">${at('pd_settings')}</h2>
        <div class="doc-settings">
          <div><label>${at('pd_rename')}
            <input name="docTitle" .value=${d.title['zh-CN']} maxlength="40" aria-invalid=${this.renameError ? 'true' : 'false'} aria-describedby=${this.renameError ? 'rename-error' : nothing}
              @change=${rename}></label>
            ${this.renameError ? html`<span class="issue" role="alert" id="rename-error">${at(this.renameError)}</span>` : nothing}</div>
          ${states === null ? html`<p class="hint">${at('pd_statesByRule')}</p>`
            : this.#stateChoices(wf, states, (next) => setDoc(withStates(d, next)), at('pd_states'))}
          <button type="button" class="danger" @click=${remove}>${at('pd_remove')}</button>
        </div>
        ${issueNote(docPtr)}
      </section>`;
  }

  /** 新增打印单据: a title and the states; the document and its starter template go into the draft. */
  #newDocument(current: DocChoice | undefined) {
    const caseTypes = draft.names(this.pluginId, 'workflows');
    if (!caseTypes.length) return nothing;
    const caseType = caseTypes.includes(this.newCaseType) ? this.newCaseType : current?.caseType ?? caseTypes[0]!;
    const wf = this.#workflow(caseType);
    const submit = (e: Event) => {
      e.preventDefault();
      if (!wf) return;
      const form = e.target as HTMLFormElement;
      const title = String(new FormData(form).get('title') ?? '').trim();
      const problem = checkDocumentTitle(title, wf);
      this.newError = problem;
      if (problem) {
        void this.updateComplete.then(() => form.querySelector<HTMLInputElement>('input[name="title"]')?.focus());
        return;
      }
      const states = this.newStates.filter((st) => wf.states[st]);
      const added = addDocument(wf, this.#forms(), draft.names(this.pluginId, 'templates'), title, states);
      draft.setDecl(this.pluginId, 'templates', added.template, added.source);
      draft.setDecl(this.pluginId, 'workflows', caseType, added.workflow);
      this.newStates = [];
      form.reset();
      this.#select(this.pluginId, `${caseType}/${added.id}`);

    };
    return html`
      <section class="card new-doc" aria-labelledby="new-doc-title">
        <h2 id="new-doc-title">${at('pd_add')}</h2>
        <form @submit=${submit} aria-labelledby="new-doc-title" novalidate>
          ${caseTypes.length > 1 ? html`<label>${at('nt_whichType')}
            <select name="caseType" data-value=${caseType} @change=${(e: Event) => { this.newCaseType = (e.target as HTMLSelectElement).value; this.newStates = []; }}>
              ${caseTypes.map((c) => html`<option value=${c} ?selected=${c === caseType}>${loc(this.#workflow(c)?.title) || c}</option>`)}
            </select></label>` : nothing}
          <div><label>${at('pd_title')}
            <input name="title" maxlength="40" autocomplete="off" aria-invalid=${this.newError ? 'true' : 'false'} aria-describedby=${this.newError ? 'new-doc-error' : nothing}
              @input=${() => { this.newError = ''; }}></label>
            ${this.newError ? html`<span class="issue" role="alert" id="new-doc-error">${at(this.newError)}</span>` : nothing}</div>
          ${this.#stateChoices(wf, this.newStates, (next) => { this.newStates = next; }, at('pd_states'))}
          <button type="submit" class="primary">${at('pd_addButton')}</button>
        </form>
      </section>`;
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
