/**
 * The admin's DRAFT of the company configuration document. Loaded from `GET /api/config`, edited
 * by every admin page, sent whole to check / diff / dry-run / propose. Pages edit effective
 * declarations; the store writes each change into the draft document as a merge-patch entry:
 *
 *   company scope: document.plugins.<id>.<section>.<name>  = the company's entry, then the edit
 *   project scope: document.projects.<code>.plugins.<id>.<section>.<name> = the edit over the
 *                  company's (draft) declaration
 *   roles:         document.roles.<id>;   calendar: document.calendar / projects.<code>.calendar
 *
 * Deleting a declaration the plugin has puts `null` at its place. The draft is kept on the server
 * (server-draft.ts, one per admin): it survives a reload and follows the admin to another
 * computer. A draft started on an older version than the one now in force is superseded: it is
 * not restored (proposing it would undo the newer version) and the shell offers to discard it.
 * Server issues (check, propose, dry run) are kept here with the pointer → control map.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { api } from '../api.js';
import type { CalendarDecl, ConfigDeclaration, ConfigResponse, DeclSection, Issue, PluginDecls, RoleView } from './admin-types.js';
import { clone, composePatch, deepEqual, diffPatch, getAt, isPlainObject, listChanges, mergePatch, pointer, pointerWithin, setAt } from './patch.js';
import { withoutBranchNoise } from '../issue-text.js';
import { companySettingsEntry, projectSettingsEntry, settingsInProject } from './settings-patch.js';
import { ServerDraft, type SaveState, type StoredDraft } from './server-draft.js';
import { bundleOf, companyBundleId, companyCaseTypeOf, companyDeclPath, isCompanyBundle, type CompanyTypeDef } from './company-types.js';
import type { MessageDecl } from './notify-step.js';

/** null: the whole company; otherwise a project code. */
export type Scope = string | null;

/** Where earlier builds kept the draft in this browser (moved to the server on first load). */
const LEGACY_STORAGE_PREFIX = 'wuye.admin.draft.';

interface LegacySaved {
  baseVersion: number;
  doc: ConfigDeclaration;
  decls: Record<string, Partial<PluginDecls>>;
  roles: Record<string, RoleView>;
  settings?: Record<string, Record<string, unknown>>;
}

/** What the editor stores beside the document to show the draft again: what differs from the version in force. */
interface EditorState {
  decls: { plugin: string; section: DeclSection; name: string; value: unknown }[];
  roles: Record<string, RoleView>;
  settings: Record<string, Record<string, unknown>>;
}

const SECTIONS: DeclSection[] = ['workflows', 'forms', 'ui', 'rules', 'templates'];

export class DraftStore extends EventTarget {
  active: ConfigResponse | null = null;
  /** the company-level effective declarations of the draft */
  decls: Record<string, PluginDecls> = {};
  roles: Record<string, RoleView> = {};
  /** each plugin's company-level effective settings in the draft (plugin.json `config`, then the company's patch) */
  pluginSettings: Record<string, Record<string, unknown>> = {};
  doc: ConfigDeclaration = {};
  scope: Scope = null;
  issues: Issue[] = [];
  /** 'check' | 'propose' | 'dry-run': where the issues came from; valid after a clean check */
  issuesFrom = '';
  checkedValid: boolean | null = null;
  restored = false;
  /** a stored draft made on an older version than the one in force (not restored) */
  superseded: { baseVersion: number; updatedAt: string } | null = null;
  readonly stored = new ServerDraft(() => this.#emit(false));
  #ownerKey = '';
  #loading: Promise<void> | null = null;
  /** every pointer a control was rendered for (longest match owns an issue) */
  readonly controls = new Set<string>();

  get loaded(): boolean {
    return this.active !== null;
  }

  /** Loads the configuration in force; keeps (or restores) the draft of `ownerKey` (company and user) when it is based on the same version. */
  load(force = false, ownerKey = this.#ownerKey): Promise<void> {
    if (this.#loading && !force) return this.#loading;
    if (this.active && !force && ownerKey === this.#ownerKey) return Promise.resolve();
    this.#loading = (async () => {
      await this.stored.flush().catch(() => undefined);
      const res = await api.get<ConfigResponse>('/api/config');
      this.#ownerKey = ownerKey;
      this.active = res;
      this.#reset();
      const saved = await this.stored.read();
      this.stored.reset(this.stored.version);
      if (saved) this.#restore(saved);
      else this.#importLegacy();
      this.#emit(false);
    })().finally(() => { this.#loading = null; });
    return this.#loading;
  }

  #reset() {
    const a = this.active!;
    this.doc = clone(a.document ?? {});
    this.decls = clone(a.effective.plugins);
    this.roles = Object.fromEntries(Object.entries(clone(a.effective.roles)).map(([id, r]) => [id, roleView(r)]));
    this.pluginSettings = {};
    for (const [id, p] of Object.entries(a.effective.plugins)) {
      const defaults = p.manifest?.config?.defaults;
      if (isPlainObject(defaults)) this.pluginSettings[id] = clone(defaults);
    }
    this.issues = [];
    this.issuesFrom = '';
    this.checkedValid = null;
    this.restored = false;
    this.superseded = null;
  }

  /** Shows a stored draft again, unless it was made on another version than the one in force. */
  #restore(saved: StoredDraft) {
    const a = this.active!;
    if (deepEqual(saved.document, a.document ?? {})) {
      // nothing left to propose (e.g. the draft was just activated)
      this.stored.remove();
      return;
    }
    if (saved.baseVersion !== a.version) {
      this.superseded = { baseVersion: saved.baseVersion, updatedAt: saved.updatedAt };
      return;
    }
    const editor = saved.editor as Partial<EditorState>;
    this.doc = clone(saved.document);
    this.#syncCompanyTypes();
    for (const d of editor.decls ?? []) {
      const map = this.decls[d.plugin]?.[d.section] as Record<string, unknown> | undefined;
      if (!map) continue;
      if (d.value === null) delete map[d.name];
      else map[d.name] = clone(d.value);
    }
    if (editor.roles) this.roles = clone(editor.roles);
    for (const [id, v] of Object.entries(editor.settings ?? {})) if (this.pluginSettings[id]) this.pluginSettings[id] = clone(v);
    this.restored = true;
  }

  /** A draft an earlier build kept in this browser moves to the server once. */
  #importLegacy() {
    try {
      const key = `${LEGACY_STORAGE_PREFIX}${this.#ownerKey}`;
      const raw = localStorage.getItem(key);
      if (!raw) return;
      localStorage.removeItem(key);
      const saved = JSON.parse(raw) as LegacySaved;
      if (saved.baseVersion !== this.active!.version || deepEqual(saved.doc, this.active!.document ?? {})) return;
      this.doc = saved.doc;
      for (const [id, d] of Object.entries(saved.decls)) if (this.decls[id]) Object.assign(this.decls[id]!, d);
      this.roles = saved.roles;
      for (const [id, v] of Object.entries(saved.settings ?? {})) if (this.pluginSettings[id]) this.pluginSettings[id] = v;
      this.restored = true;
      this.#save();
    } catch {
      // nothing usable in this browser
    }
  }

  /** Throws the draft away (back to the configuration in force), here and on the server. */
  discard(): void {
    if (!this.active) return;
    this.#reset();
    this.stored.remove();
    this.#emit(false);
  }

  /** Where the draft is: saved on the server, being saved, or refused because another window saved a newer one. */
  get saveState(): SaveState {
    return this.stored.state;
  }

  /** Waits until the last edit reached the server. */
  flush(): Promise<void> {
    return this.stored.flush();
  }

  get dirty(): boolean {
    return !!this.active && !deepEqual(this.doc, this.active.document ?? {});
  }

  /** What the draft changes, pointer by pointer (client side; the review page asks the server). */
  changes() {
    return this.active ? listChanges(this.active.document ?? {}, this.doc) : [];
  }

  document(): ConfigDeclaration {
    return clone(this.doc);
  }

  setScope(scope: Scope): void {
    if (scope === this.scope) return;
    this.scope = scope;
    this.#emit(false);
  }

  // ---- plugin declarations ----

  pluginIds(): string[] {
    return Object.keys(this.decls);
  }

  /** The effective (draft) declaration for the scope. */
  decl<T = unknown>(pluginId: string, section: DeclSection, name: string, scope: Scope = this.scope): T | undefined {
    const company = (this.decls[pluginId]?.[section] as Record<string, unknown> | undefined)?.[name];
    if (!scope) return company as T | undefined;
    const entry = getAt(this.doc, ['projects', scope, 'plugins', pluginId, section, name]);
    if (entry === undefined) return company as T | undefined;
    if (entry === null) return undefined;
    return mergePatch(company, entry) as T;
  }

  /** Names of a section's declarations in the scope. */
  names(pluginId: string, section: DeclSection, scope: Scope = this.scope): string[] {
    const names = new Set(Object.keys((this.decls[pluginId]?.[section] as object | undefined) ?? {}));
    if (scope) {
      const entries = getAt(this.doc, ['projects', scope, 'plugins', pluginId, section]);
      if (isPlainObject(entries)) for (const [n, v] of Object.entries(entries)) (v === null ? names.delete(n) : names.add(n));
    }
    return [...names];
  }

  /** Replaces a declaration (null/undefined: deletes it) and writes the patch entry. */
  setDecl(pluginId: string, section: DeclSection, name: string, value: unknown, scope: Scope = this.scope): void {
    const deleting = value === null || value === undefined;
    if (isCompanyBundle(pluginId) && !scope) {
      // the company's own type: its definition is stored whole, not as a patch (company-types.ts)
      const map = (this.decls[pluginId]?.[section] ?? {}) as Record<string, unknown>;
      if (deleting) delete map[name];
      else map[name] = clone(value);
      const caseType = companyCaseTypeOf(pluginId);
      setAt(this.doc as Record<string, unknown>, companyDeclPath(caseType, section, name), deleting ? undefined : clone(value));
    } else if (!scope) {
      const map = ((this.decls[pluginId] ??= { manifest: {} as never, workflows: {}, forms: {}, ui: {}, rules: {}, templates: {} })[section] ??= {}) as Record<string, unknown>;
      const activeDecl = (this.active?.effective.plugins[pluginId]?.[section] as Record<string, unknown> | undefined)?.[name];
      const activeEntry = getAt(this.active?.document, ['plugins', pluginId, section, name]);
      let entry: unknown;
      if (deleting) {
        delete map[name];
        entry = activeDecl === undefined && activeEntry === undefined ? undefined : null;
      } else {
        map[name] = clone(value);
        const p = diffPatch(activeDecl, value);
        entry = p === undefined ? clone(activeEntry) : composePatch(activeEntry, p);
        if (isPlainObject(entry) && Object.keys(entry).length === 0 && activeEntry === undefined) entry = undefined;
      }
      setAt(this.doc as Record<string, unknown>, ['plugins', pluginId, section, name], entry);
    } else {
      const company = (this.decls[pluginId]?.[section] as Record<string, unknown> | undefined)?.[name];
      let entry: unknown;
      if (deleting) entry = company === undefined ? undefined : null;
      else {
        entry = diffPatch(company, value);
        if (isPlainObject(entry) && Object.keys(entry).length === 0) entry = undefined;
      }
      setAt(this.doc as Record<string, unknown>, ['projects', scope, 'plugins', pluginId, section, name], entry);
    }
    this.#changed();
  }

  /** Edits a copy of a declaration and stores it: `update(pluginId, 'workflows', caseType, (wf) => { … })`. */
  update<T>(pluginId: string, section: DeclSection, name: string, edit: (draft: T) => void, scope: Scope = this.scope): void {
    const current = this.decl<T>(pluginId, section, name, scope);
    if (current === undefined) return;
    const next = clone(current);
    edit(next);
    this.setDecl(pluginId, section, name, next, scope);
  }

  /** Whether the project overrides this declaration (shown as a badge in project scope). */
  overridden(pluginId: string, section: DeclSection, name: string, scope: Scope): boolean {
    return !!scope && getAt(this.doc, ['projects', scope, 'plugins', pluginId, section, name]) !== undefined;
  }

  // ---- roles ----

  setRole(id: string, role: RoleView | null): void {
    const activeRole = this.active?.effective.roles[id];
    const activeEntry = getAt(this.active?.document, ['roles', id]);
    let entry: unknown;
    if (role === null) {
      delete this.roles[id];
      entry = activeRole === undefined && activeEntry === undefined ? undefined : null;
    } else {
      const next = roleView(role);
      this.roles[id] = next;
      const p = diffPatch(activeRole ? roleView(activeRole) : undefined, next);
      entry = p === undefined ? clone(activeEntry) : composePatch(activeEntry, p);
      if (isPlainObject(entry) && Object.keys(entry).length === 0 && activeEntry === undefined) entry = undefined;
    }
    setAt(this.doc as Record<string, unknown>, ['roles', id], entry);
    this.#changed();
  }

  // ---- plugin settings (plugin.json `config`) ----

  /** Whether a plugin is enabled in the scope (the company may switch one off for a project). */
  pluginEnabled(pluginId: string, scope: Scope = this.scope): boolean {
    if (!this.decls[pluginId]) return false;
    if (!scope) return getAt(this.doc, ['plugins', pluginId, 'enabled']) !== false;
    const project = getAt(this.doc, ['projects', scope, 'plugins', pluginId, 'enabled']);
    return project === undefined ? getAt(this.doc, ['plugins', pluginId, 'enabled']) !== false : project !== false;
  }

  /** A plugin's effective settings in the draft: the company's, then the project's patch. */
  settings<T = Record<string, unknown>>(pluginId: string, scope: Scope = this.scope): T | undefined {
    const company = this.pluginSettings[pluginId];
    if (!company || !scope) return clone(company) as T | undefined;
    return settingsInProject(company, getAt(this.doc, ['projects', scope, 'plugins', pluginId, 'config'])) as T;
  }

  /** The settings in force (the active version) for the scope, as the dry run compares them. */
  activeSettings<T = Record<string, unknown>>(pluginId: string, scope: Scope = this.scope): T | undefined {
    const company = this.active?.effective.plugins[pluginId]?.manifest?.config?.defaults;
    if (!isPlainObject(company)) return undefined;
    if (!scope) return clone(company) as T;
    return settingsInProject(company, getAt(this.active?.document, ['projects', scope, 'plugins', pluginId, 'config'])) as T;
  }

  /** Stores a plugin's settings for the scope as the merge-patch entry `…plugins.<id>.config`. */
  setSettings(pluginId: string, value: Record<string, unknown>, scope: Scope = this.scope): void {
    if (!scope) {
      const activeSettings = this.active?.effective.plugins[pluginId]?.manifest?.config?.defaults;
      const activeEntry = getAt(this.active?.document, ['plugins', pluginId, 'config']);
      this.pluginSettings[pluginId] = clone(value);
      setAt(this.doc as Record<string, unknown>, ['plugins', pluginId, 'config'], companySettingsEntry(activeSettings, activeEntry, value));
    } else {
      const entry = projectSettingsEntry(this.pluginSettings[pluginId], value);
      setAt(this.doc as Record<string, unknown>, ['projects', scope, 'plugins', pluginId, 'config'], entry);
    }
    this.#changed();
  }

  /** Whether the project has settings of its own for the plugin. */
  settingsOverridden(pluginId: string, scope: Scope): boolean {
    return !!scope && getAt(this.doc, ['projects', scope, 'plugins', pluginId, 'config']) !== undefined;
  }

  // ---- calendar ----

  calendar(scope: Scope): CalendarDecl {
    return clone((scope ? this.doc.projects?.[scope]?.calendar : this.doc.calendar) ?? {});
  }

  setCalendar(scope: Scope, cal: CalendarDecl): void {
    const clean: CalendarDecl = {};
    if (cal.timezone?.trim()) clean.timezone = cal.timezone.trim();
    if (cal.holidays?.length) clean.holidays = [...cal.holidays].sort();
    if (cal.workdays?.length) clean.workdays = [...cal.workdays].sort();
    const value = Object.keys(clean).length ? clean : undefined;
    setAt(this.doc as Record<string, unknown>, scope ? ['projects', scope, 'calendar'] : ['calendar'], value);
    this.#changed();
  }

  /** Replaces the whole draft document (import). Effective views are kept for the pages. */
  replaceDocument(doc: ConfigDeclaration): void {
    this.doc = clone(doc);
    this.#syncCompanyTypes();
    this.#changed();
  }

  // ---- the company's own case types ----

  /** Adds a case type of the company's own (blank or a copy: company-types.ts) to the draft. */
  addCompanyType(caseType: string, def: CompanyTypeDef): void {
    setAt(this.doc as Record<string, unknown>, ['caseTypes', caseType], clone(def));
    this.decls[companyBundleId(caseType)] = bundleOf(caseType, def);
    this.#changed();
  }

  /** Adds, replaces or (null) removes a message of a company type (caseTypes.<x>.messages.<id>). */
  setCompanyMessage(pluginId: string, id: string, message: MessageDecl | null): void {
    if (!isCompanyBundle(pluginId) || !this.decls[pluginId]) return;
    const caseType = companyCaseTypeOf(pluginId);
    const manifest = this.decls[pluginId].manifest as { messages?: Record<string, MessageDecl> };
    const messages = { ...(manifest.messages ?? {}) };
    if (message) messages[id] = clone(message); else delete messages[id];
    if (Object.keys(messages).length) manifest.messages = messages; else delete manifest.messages;
    setAt(this.doc as Record<string, unknown>, ['caseTypes', caseType, 'messages'], Object.keys(messages).length ? clone(messages) : undefined);
    this.#changed();
  }

  /** Case types in use (plugins' and the company's), for picking a free id. */
  caseTypeIds(): string[] {
    return Object.values(this.decls).flatMap((d) => Object.keys(d.workflows ?? {}));
  }

  /** The pages' view of the company's types follows the document (restored or imported drafts). */
  #syncCompanyTypes() {
    const defs = (this.doc as { caseTypes?: Record<string, CompanyTypeDef> }).caseTypes ?? {};
    for (const id of Object.keys(this.decls)) if (isCompanyBundle(id)) delete this.decls[id];
    for (const [caseType, def] of Object.entries(defs)) if (def) this.decls[companyBundleId(caseType)] = bundleOf(caseType, def);
  }

  // ---- issues ----

  setIssues(issues: Issue[], from: string): void {
    this.issues = withoutBranchNoise(issues);
    this.issuesFrom = from;
    this.checkedValid = from === 'check' ? issues.length === 0 : this.checkedValid;
    this.#emit(false);
  }

  /** Registers a control's pointer; returns whether it was new. */
  register(ptr: string): boolean {
    if (this.controls.has(ptr)) return false;
    this.controls.add(ptr);
    return true;
  }

  /** The registered control an issue belongs to: the longest registered pointer containing it. */
  ownerOf(issuePointer: string): string | null {
    let best: string | null = null;
    for (const c of this.controls) if (pointerWithin(issuePointer, c) && (!best || c.length > best.length)) best = c;
    return best;
  }

  /** Issues shown on the control at `ptr`. */
  issuesAt(ptr: string): Issue[] {
    return this.issues.filter((i) => this.ownerOf(i.pointer) === ptr);
  }

  /** Issues under `ptr` (a whole card or page part). */
  issuesWithin(ptr: string): Issue[] {
    return this.issues.filter((i) => pointerWithin(i.pointer, ptr));
  }

  // ---- internals ----

  #changed() {
    this.checkedValid = null;
    this.#save();
    this.#emit(true);
  }

  #emit(edited: boolean) {
    this.dispatchEvent(new CustomEvent('change', { detail: { edited } }));
  }

  #save() {
    if (!this.active) return;
    if (!this.dirty) {
      this.stored.remove();
      return;
    }
    this.superseded = null; // editing starts a draft on the version in force; it replaces the old one
    this.stored.save({ baseVersion: this.active.version, document: clone(this.doc), editor: this.#editorState() as unknown as Record<string, unknown> });
  }

  /** The declarations, roles and settings that differ from the version in force. */
  #editorState(): EditorState {
    const active = this.active!.effective.plugins;
    const decls: EditorState['decls'] = [];
    for (const plugin of new Set([...Object.keys(this.decls), ...Object.keys(active)])) {
      for (const section of SECTIONS) {
        const mine = (this.decls[plugin]?.[section] ?? {}) as Record<string, unknown>;
        const theirs = (active[plugin]?.[section] ?? {}) as Record<string, unknown>;
        for (const name of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
          if (!deepEqual(mine[name], theirs[name])) decls.push({ plugin, section, name, value: mine[name] === undefined ? null : mine[name] });
        }
      }
    }
    const settings: EditorState['settings'] = {};
    for (const [id, v] of Object.entries(this.pluginSettings)) {
      if (!deepEqual(v, active[id]?.manifest?.config?.defaults)) settings[id] = v;
    }
    return { decls, roles: this.roles, settings };
  }
}

/** A role as the editor compares it: only what a role patch may say. */
export function roleView(r: RoleView & { id?: string }): RoleView {
  // allProjects and permissions are always spelled out: a role patch may not null them
  const out: RoleView = { title: clone(r.title), allProjects: r.allProjects === true, permissions: [...(r.permissions ?? [])] };
  if (r.reportsTo) out.reportsTo = r.reportsTo;
  if (r.mergedInto) out.mergedInto = r.mergedInto;
  if (r.extends?.length) out.extends = [...r.extends];
  return out;
}

/** The document pointer of a plugin declaration member in a scope (what the server's issues use). */
export function declPointer(scope: Scope, pluginId: string, section: DeclSection, name: string, ...path: (string | number)[]): string {
  if (isCompanyBundle(pluginId) && !scope) {
    // the server reports a company type's problems where its definition sits: caseTypes.<xId>…
    const caseType = companyCaseTypeOf(pluginId);
    return pointer('document', ...companyDeclPath(caseType, section, name), ...path);
  }
  const head = scope ? ['document', 'projects', scope, 'plugins'] : ['document', 'plugins'];
  return pointer(...head, pluginId, section, name, ...path);
}

export const draft = new DraftStore();

/** Re-renders its host when the draft (or its issues) change. */
export class DraftController implements ReactiveController {
  #off = () => {};
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    const listener = () => this.host.requestUpdate();
    draft.addEventListener('change', listener);
    this.#off = () => draft.removeEventListener('change', listener);
  }
  hostDisconnected(): void {
    this.#off();
  }
}
