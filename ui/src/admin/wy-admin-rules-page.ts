import { defaultPlugin } from './default-plugin.js';
import { LitElement, css, html, nothing } from 'lit';
import { api, ApiError } from '../api.js';
import { I18nController, loc } from '../i18n.js';
import { base } from '../styles.js';
import { adminStyles } from './admin-styles.js';
import { at, issueMessage } from './admin-i18n.js';
import type { Issue, RuleEntry, Text } from './admin-types.js';
import { IDENTIFIER } from './admin-types.js';
import { declPointer, draft, DraftController } from './draft-store.js';
import { ctl, focusPointer, invalid, issueId, issueNote } from './issue-view.js';
import { pointerWithin } from './patch.js';


interface RuleUiState {
  logic?: string;
  examples?: string;
  context?: string;
  jsonError?: { logic?: string; examples?: string; context?: string };
  result?: { value: unknown; issues: Issue[] } | { error: string };
  saved?: boolean;
}

/**
 * Rules: a plugin's named JsonLogic rules with title and description; the logic and worked
 * examples are edited as JSON (checked on save, then by the server), and a rule can be run on a
 * sample context against the draft (dry run).
 */
export class WyAdminRulesPage extends LitElement {
  static override properties = {
    query: { attribute: false },
    pluginId: { state: true },
    ui: { state: true },
    addError: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    .rule { margin-bottom: 14px; }
    .cols { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
    .cols label { width: 100%; }
    .cols textarea { min-height: 70px; }
    textarea.code.logic { min-height: 200px; }
    .result { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; background: var(--wy-bg); padding: 6px 10px; border-radius: var(--wy-radius); }
    @media (max-width: 900px) { .cols { grid-template-columns: 1fr; } }
  `];

  declare query: URLSearchParams;
  declare pluginId: string;
  declare ui: Record<string, RuleUiState>;
  declare addError: string;
  #focused = '';

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
    this.query = new URLSearchParams();
    this.pluginId = '';
    this.ui = {};
    this.addError = '';
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('query')) {
      const plugins = this.#plugins();
      const p = this.query.get('plugin');
      this.pluginId = p && plugins.includes(p) ? p : defaultPlugin(plugins);
    }
  }

  override updated(): void {
    const focus = this.query.get('focus');
    if (focus && focus !== this.#focused && focusPointer(this.renderRoot, focus)) this.#focused = focus;
  }

  #plugins() {
    return draft.pluginIds().filter((id) => draft.names(id, 'rules').length > 0 || id === this.query.get('plugin'));
  }

  #state(name: string): RuleUiState {
    return this.ui[name] ?? {};
  }

  #set(name: string, patch: Partial<RuleUiState>) {
    this.ui = { ...this.ui, [name]: { ...this.#state(name), ...patch } };
  }

  #p(name: string, ...path: (string | number)[]) {
    return declPointer(draft.scope, this.pluginId, 'rules', name, ...path);
  }

  #save(name: string) {
    const rule = draft.decl<RuleEntry>(this.pluginId, 'rules', name);
    if (!rule) return;
    const s = this.#state(name);
    const errors: RuleUiState['jsonError'] = {};
    let logic: unknown = rule.logic;
    let examples: unknown = rule.examples;
    if (s.logic !== undefined) {
      try { logic = JSON.parse(s.logic); } catch (e) { errors.logic = `${at('jsonInvalid')}: ${(e as Error).message}`; }
    }
    if (s.examples !== undefined) {
      try {
        examples = s.examples.trim() ? JSON.parse(s.examples) : undefined;
        if (examples !== undefined && !Array.isArray(examples)) errors.examples = at('examplesArray');
      } catch (e) { errors.examples = `${at('jsonInvalid')}: ${(e as Error).message}`; }
    }
    if (errors.logic || errors.examples) {
      this.#set(name, { jsonError: errors, saved: false });
      return;
    }
    draft.update<RuleEntry>(this.pluginId, 'rules', name, (r) => {
      r.logic = logic as never;
      if (examples === undefined) delete r.examples;
      else r.examples = examples as never;
    });
    this.#set(name, { logic: undefined, examples: undefined, jsonError: {}, saved: true });
    void this.#check();
  }

  /** After a save the server checks the whole draft: problems land on this page's controls. */
  async #check() {
    try {
      const res = await api.post<{ valid: boolean; issues: Issue[] }>('/api/config/check', { document: draft.document() });
      draft.setIssues(res.issues, 'check');
    } catch (err) {
      if (err instanceof ApiError) draft.setIssues(err.issues, 'check');
    }
  }

  async #dryRun(name: string) {
    const rule = draft.decl<RuleEntry>(this.pluginId, 'rules', name);
    const s = this.#state(name);
    const text = s.context ?? JSON.stringify(rule?.examples?.[0]?.context ?? { data: {} }, null, 2);
    let context: unknown;
    try {
      context = JSON.parse(text);
    } catch (e) {
      this.#set(name, { jsonError: { ...s.jsonError, context: `${at('jsonInvalid')}: ${(e as Error).message}` } });
      return;
    }
    let logic: unknown;
    if (s.logic !== undefined) {
      try { logic = JSON.parse(s.logic); } catch { /* the saved logic is run */ }
    }
    try {
      const body: Record<string, unknown> = { document: draft.document(), pluginId: this.pluginId, context };
      if (logic !== undefined) body.logic = logic;
      else body.rule = name;
      const res = await api.post<{ result: unknown; issues?: Issue[] }>('/api/config/dry-run/rule', body);
      this.#set(name, { result: { value: res.result, issues: res.issues ?? [] }, jsonError: { ...s.jsonError, context: undefined } });
    } catch (err) {
      this.#set(name, { result: { error: err instanceof ApiError ? (err.status === 404 ? at('endpointMissing') : [err.message, ...err.issues.map(issueMessage)].join(' ')) : at('networkError') } });
    }
  }

  override render() {
    const plugins = this.#plugins();
    const names = draft.names(this.pluginId, 'rules');
    return html`
      <div class="toolbar">
        <label>${at('plugin')}
          <select @change=${(e: Event) => {
            const q = new URLSearchParams(this.query);
            q.set('plugin', (e.target as HTMLSelectElement).value);
            q.delete('focus');
            history.replaceState(null, '', `#/admin/rules?${q.toString()}`);
            this.query = q;
          }}>
            ${plugins.map((id) => html`<option value=${id} ?selected=${id === this.pluginId}>${loc(draft.decls[id]?.manifest?.title) || id}</option>`)}
          </select></label>
      </div>
      <p class="hint">${at('rulesHint')}</p>
      ${names.length ? names.map((n) => this.#rule(n)) : html`<p class="muted">${at('noRules')}</p>`}
      ${this.#add()}
    `;
  }

  #rule(name: string) {
    const rule = draft.decl<RuleEntry>(this.pluginId, 'rules', name);
    if (!rule) return nothing;
    const s = this.#state(name);
    const title = loc(rule.title) || name;
    const setText = (key: 'title' | 'description', lang: 'zh-CN' | 'en', v: string) => draft.update<RuleEntry>(this.pluginId, 'rules', name, (r) => {
      const text: Partial<Text> = { ...(r[key] ?? {}) };
      if (v.trim()) text[lang] = v;
      else delete text[lang];
      if (Object.keys(text).length) r[key] = text as Text;
      else delete r[key];
    });
    const text = (label: string, key: 'title' | 'description', lang: 'zh-CN' | 'en', area = false) => {
      const ptr = this.#p(name, key, lang);
      const value = rule[key]?.[lang] ?? '';
      const onInput = (e: Event) => setText(key, lang, (e.target as HTMLInputElement).value);
      return html`<label>${label}
        ${area ? html`<textarea .value=${value} data-pointer=${ctl(ptr)} aria-invalid=${invalid(ptr)} @input=${onInput}></textarea>`
          : html`<input .value=${value} data-pointer=${ctl(ptr)} aria-invalid=${invalid(ptr)} @input=${onInput}>`}
        ${issueNote(ptr)}</label>`;
    };
    const lp = this.#p(name, 'logic');
    const ep = this.#p(name, 'examples');
    const focus = this.query.get('focus');
    const open = (!!focus && pointerWithin(focus, this.#p(name))) || draft.issuesWithin(this.#p(name)).length > 0 || this.query.get('rule') === name;
    const context = s.context ?? JSON.stringify(rule.examples?.[0]?.context ?? { data: {} }, null, 2);
    return html`
      <details class="card rule" ?open=${open} data-pointer=${ctl(this.#p(name))} data-rule=${name}>
        <summary><strong>${title}</strong> <span class="id">${name}</span>
          ${draft.issuesWithin(this.#p(name)).length ? html`<span class="badge danger">${at('problemCount', { n: draft.issuesWithin(this.#p(name)).length })}</span>` : nothing}</summary>
        ${issueNote(this.#p(name))}
        <div class="cols" style="margin-top:10px">
          ${text(at('labelZh'), 'title', 'zh-CN')}
          ${text(at('labelEn'), 'title', 'en')}
          ${text(at('descriptionZh'), 'description', 'zh-CN', true)}
          ${text(at('descriptionEn'), 'description', 'en', true)}
        </div>
        <label class="block" style="margin-top:10px">${at('logic')}
          <textarea class="code logic" aria-label=${at('logicOf', { name: title })} data-pointer=${ctl(lp)} aria-invalid=${invalid(lp) === 'true' || s.jsonError?.logic ? 'true' : 'false'}
            aria-describedby=${issueId(lp)} .value=${s.logic ?? JSON.stringify(rule.logic, null, 2)}
            @input=${(e: Event) => this.#set(name, { logic: (e.target as HTMLTextAreaElement).value, saved: false })}></textarea>
          ${s.jsonError?.logic ? html`<span class="issue" role="alert">${s.jsonError.logic}</span>` : nothing}
          ${issueNote(lp)}
        </label>
        <label class="block" style="margin-top:10px">${at('examples')}
          <textarea class="code" aria-label=${at('examplesOf', { name: title })} data-pointer=${ctl(ep)} aria-invalid=${invalid(ep) === 'true' || s.jsonError?.examples ? 'true' : 'false'}
            .value=${s.examples ?? (rule.examples ? JSON.stringify(rule.examples, null, 1) : '')}
            @input=${(e: Event) => this.#set(name, { examples: (e.target as HTMLTextAreaElement).value, saved: false })}></textarea>
          ${s.jsonError?.examples ? html`<span class="issue" role="alert">${s.jsonError.examples}</span>` : nothing}
          ${issueNote(ep)}
        </label>
        <div class="toolbar" style="margin-top:8px">
          <button type="button" class="primary" @click=${() => this.#save(name)}>${at('saveRule')}</button>
          ${s.saved ? html`<span class="small" role="status">${at('ruleSaved')}</span>` : nothing}
          <span class="spacer"></span>
          <button type="button" class="danger" @click=${() => { if (confirm(at('removeRuleConfirm', { name: title }))) draft.setDecl(this.pluginId, 'rules', name, null); }}>${at('remove')}</button>
        </div>
        <fieldset>
          <legend>${at('ruleDryRun')}</legend>
          <label class="block">${at('sampleContext')}
            <textarea class="code" aria-label=${at('contextOf', { name: title })} .value=${context}
              @input=${(e: Event) => this.#set(name, { context: (e.target as HTMLTextAreaElement).value })}></textarea>
            ${s.jsonError?.context ? html`<span class="issue" role="alert">${s.jsonError.context}</span>` : nothing}
          </label>
          <div class="toolbar" style="margin-top:6px">
            <button type="button" @click=${() => this.#dryRun(name)}>${at('runRule')}</button>
            ${s.result ? ('error' in s.result
              ? html`<span class="issue" role="alert">${s.result.error}</span>`
              : html`<span class="result" data-testid="rule-result">${at('ruleResult')} ${JSON.stringify(s.result.value)}</span>
                ${s.result.issues.map((i) => html`<span class="issue">${issueMessage(i)}</span>`)}`) : nothing}
          </div>
        </fieldset>
      </details>`;
  }

  #add() {
    const submit = (e: Event) => {
      e.preventDefault();
      const fd = new FormData(e.target as HTMLFormElement);
      const id = String(fd.get('id') ?? '').trim();
      const zh = String(fd.get('zh') ?? '').trim();
      if (!IDENTIFIER.test(id) || draft.decl(this.pluginId, 'rules', id) !== undefined || !zh) { this.addError = at('ruleInvalid'); return; }
      this.addError = '';
      draft.setDecl(this.pluginId, 'rules', id, { title: { 'zh-CN': zh }, logic: true });
      (e.target as HTMLFormElement).reset();
      this.query = new URLSearchParams({ ...Object.fromEntries(this.query), rule: id });
    };
    return html`
      <section class="card">
        <h2>${at('addRule')}</h2>
        <form class="row" @submit=${submit}>
          <label>${at('ruleId')}<input name="id" class="id" required pattern="[a-z][a-zA-Z0-9]*"></label>
          <label>${at('labelZh')}<input name="zh" required></label>
          <button type="submit">${at('addRule')}</button>
        </form>
        ${this.addError ? html`<div class="issue" role="alert">${this.addError}</div>` : nothing}
      </section>`;
  }
}

customElements.define('wy-admin-rules-page', WyAdminRulesPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-rules-page': WyAdminRulesPage;
  }
}
