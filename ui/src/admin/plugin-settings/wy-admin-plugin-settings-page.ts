import { LitElement, css, html, nothing } from 'lit';
import '../../../../forms/index.js';
import type { FormDeclaration, ServerIssue, UiDeclaration } from '../../../../forms/index.js';
import { I18nController, getLanguage } from '../../i18n.js';
import { href } from '../../router.js';
import { base } from '../../styles.js';
import { adminStyles } from '../admin-styles.js';
import { settingsSectionOf } from '../admin-sections.js';
import { draft, DraftController, type Scope } from '../draft-store.js';
import { ctl } from '../issue-view.js';
import { pointer, tokensOf } from '../patch.js';
import { formPointer, formSchema, formUi, fromForm, toForm } from './settings-form.js';
import { pt } from './plugin-settings-i18n.js';
import './wy-settings-table-widget.js';

type Json = Record<string, unknown>;
interface PluginEntry { id: string; title: string; schema: Json }

/**
 * 业务设置 — every enabled plugin's settings (plugin.json `config`), edited with `<wy-form>` from
 * the plugin's own settings schema: its titles and help are the labels, lists of rows are tables
 * (settings-form.ts, wy-settings-table-widget.ts). Edits go into the shared draft for the company
 * or the chosen project (`draft.setSettings`), so the review tab words them, dry-runs, proposes and
 * activates them like every other change, and the server's problems show on their controls.
 * A plugin whose settings have a purpose-built tab (the fee tables) is only linked to it.
 */
export class WyAdminPluginSettingsPage extends LitElement {
  static override properties = { query: { attribute: false }, chosen: { state: true } };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    .pick { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; margin-bottom: 12px; }
    .pick select { min-width: 16em; max-width: 100%; }
    wy-form { display: block; }
  `];

  declare query: URLSearchParams;
  declare chosen: string;
  /** the form's data as the admin left it (kept so a half-typed list line is not reformatted under them) */
  #formValue: { key: string; settings: string; value: unknown } | null = null;
  #schemas = new Map<string, { schema: Json; ui: Json }>();

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
    this.query = new URLSearchParams();
    this.chosen = '';
  }

  #plugins(): PluginEntry[] {
    const lang = getLanguage();
    return Object.entries(draft.active?.effective.plugins ?? {})
      .filter(([id, p]) => draft.pluginEnabled(id) && isSchema(p.manifest?.config?.schema))
      .map(([id, p]) => {
        const title = p.manifest.title as { 'zh-CN': string; en?: string };
        return { id, title: (lang === 'en' ? title.en : undefined) ?? title['zh-CN'], schema: p.manifest.config!.schema as Json };
      });
  }

  /** The form and ui declarations of a plugin's settings, made once (a new object would reset the form). */
  #formOf(plugin: PluginEntry): { schema: Json; ui: Json } {
    let f = this.#schemas.get(plugin.id);
    if (!f) this.#schemas.set(plugin.id, (f = { schema: formSchema(plugin.schema), ui: formUi(plugin.schema, { 'zh-CN': plugin.title }) }));
    return f;
  }

  #base(id: string, scope: Scope): string {
    return scope ? pointer('document', 'projects', scope, 'plugins', id, 'config') : pointer('document', 'plugins', id, 'config');
  }

  /** The server's problems with these settings, on the form's fields (or above the form when it does not show the setting). */
  #errors(plugin: PluginEntry, scope: Scope, settings: unknown): ServerIssue[] {
    const prefix = this.#base(plugin.id, scope);
    return draft.issues
      .filter((i) => i.pointer === prefix || i.pointer.startsWith(`${prefix}/`))
      .map((i) => {
        const at = formPointer(plugin.schema, settings, tokensOf(i.pointer.slice(prefix.length)));
        return { pointer: at && at.length ? `/data${pointer(...at)}` : '/data', code: i.code, message: i.message };
      });
  }

  #formValueFor(plugin: PluginEntry, scope: Scope, settings: unknown): unknown {
    const key = `${plugin.id}|${scope ?? ''}`;
    const current = JSON.stringify(settings);
    // the draft changed under the form (discarded, reloaded, activated): show what it holds now
    if (!this.#formValue || this.#formValue.key !== key || this.#formValue.settings !== current) {
      this.#formValue = { key, settings: current, value: toForm(plugin.schema, settings) };
    }
    return this.#formValue.value;
  }

  #changed(plugin: PluginEntry, scope: Scope, value: unknown): void {
    const before = draft.settings(plugin.id, scope);
    const next = fromForm(plugin.schema, value, before) as Json;
    this.#formValue = { key: `${plugin.id}|${scope ?? ''}`, settings: JSON.stringify(next), value };
    if (JSON.stringify(next) !== JSON.stringify(before)) draft.setSettings(plugin.id, next, scope);
  }

  #editor(plugin: PluginEntry) {
    const owner = settingsSectionOf(plugin.id);
    if (owner) {
      const tab = owner.label();
      return html`<section class="card"><p>${pt('ownPage', { title: plugin.title, tab })}</p><a href=${href(`/admin/${owner.id}`)}>${pt('openOwnPage', { tab })}</a></section>`;
    }
    const scope = draft.scope;
    const settings = draft.settings(plugin.id, scope);
    if (!settings) return nothing;
    const changed = JSON.stringify(settings) !== JSON.stringify(draft.activeSettings(plugin.id, scope));
    return html`<section class="card" aria-label=${plugin.title} data-pointer=${ctl(this.#base(plugin.id, scope))} data-plugin-settings=${plugin.id}>
      <p class="hint">${scope ? pt('scopeProject') : pt('scopeCompany')}${scope && draft.settingsOverridden(plugin.id, scope) ? ` · ${pt('overridden')}` : ''}${changed ? html` · <a href=${href('/admin/review')}>${pt('changed')}，${pt('review')}</a>` : nothing}</p>
      <wy-form
        .schema=${this.#formOf(plugin).schema as unknown as FormDeclaration}
        .ui=${this.#formOf(plugin).ui as unknown as UiDeclaration}
        .value=${this.#formValueFor(plugin, scope, settings)}
        .errors=${this.#errors(plugin, scope, settings)}
        .language=${getLanguage()}
        @wy-change=${(e: CustomEvent<{ value: unknown }>) => this.#changed(plugin, scope, e.detail.value)}
      ></wy-form>
    </section>`;
  }

  override render() {
    if (!draft.loaded) return html`<p class="hint">${pt('loading')}</p>`;
    const plugins = this.#plugins();
    if (!plugins.length) return html`<div class="card"><p>${pt('none')}</p></div>`;
    const wanted = this.chosen || this.query.get('plugin') || '';
    const plugin = plugins.find((p) => p.id === wanted) ?? plugins.find((p) => !settingsSectionOf(p.id)) ?? plugins[0]!;
    return html`
      <p class="hint">${pt('intro')}</p>
      <div class="pick">
        <label>${pt('choose')}
          <select data-testid="plugin-settings-choice" @change=${(e: Event) => { this.chosen = (e.target as HTMLSelectElement).value; }}>
            ${plugins.map((p) => html`<option value=${p.id} ?selected=${p.id === plugin.id}>${p.title}</option>`)}
          </select>
        </label>
      </div>
      ${this.#editor(plugin)}`;
  }
}

function isSchema(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && (value as Json).type === 'object';
}

customElements.define('wy-admin-plugin-settings-page', WyAdminPluginSettingsPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-plugin-settings-page': WyAdminPluginSettingsPage;
  }
}
