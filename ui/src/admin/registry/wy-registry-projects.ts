import { LitElement, css, html, nothing } from 'lit';
import { api } from '../../api.js';
import { appState } from '../../app-state.js';
import { I18nController } from '../../i18n.js';
import { base } from '../../styles.js';
import { adminStyles } from '../admin-styles.js';
import type { Issue, Project } from '../../types.js';
import { failureWords, issueWords, rt } from './registry-i18n.js';

/**
 * The company's projects: list, create (code and name), rename. A project's code is fixed once
 * created. Keeps the app's list of projects (staff, scope selectors) in step.
 *
 * @fires project-select - detail: the project id whose buildings to show
 * @fires projects-changed - a project was created or renamed
 */
export class WyRegistryProjects extends LitElement {
  static override properties = {
    projects: { attribute: false },
    selected: { attribute: false },
    editing: { state: true },
    busy: { state: true },
    issues: { state: true },
    message: { state: true },
    failed: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    tr[aria-selected='true'] td { background: var(--wy-primary-light, #eef5ff); }
    td.actions { white-space: nowrap; text-align: right; }
    form.inline { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
  `];

  declare projects: Project[];
  declare selected: number | null;
  declare editing: number | null;
  declare busy: boolean;
  declare issues: Issue[];
  declare message: string;
  declare failed: boolean;

  constructor() {
    super();
    new I18nController(this);
    this.projects = [];
    this.selected = null;
    this.editing = null;
    this.busy = false;
    this.issues = [];
    this.message = '';
    this.failed = false;
  }

  #issue(field: string) {
    const found = this.issues.filter((i) => i.pointer === `/${field}`);
    return found.length ? html`<span class="issue" role="alert">${found.map(issueWords).join(' ')}</span>` : nothing;
  }

  #done(message: string) {
    this.issues = [];
    this.failed = false;
    this.message = message;
    this.dispatchEvent(new CustomEvent('projects-changed', { bubbles: true, composed: true }));
  }

  #fail(err: unknown) {
    this.issues = (err as { issues?: Issue[] }).issues ?? [];
    this.failed = true;
    this.message = failureWords(err);
  }

  async #create(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const fd = new FormData(form);
    const body = { code: String(fd.get('code') ?? '').trim(), name: String(fd.get('name') ?? '').trim() };
    this.busy = true;
    try {
      const created = await api.post<Project>('/api/projects', body);
      // the shell's list of projects (staff panel, scope selectors) learns the new one at once
      appState().projects = [...appState().projects, created].sort((a, b) => a.code.localeCompare(b.code));
      form.reset();
      this.#done(rt('projectCreated', { name: created.name }));
      this.dispatchEvent(new CustomEvent('project-select', { detail: created.id, bubbles: true, composed: true }));
    } catch (err) {
      this.#fail(err);
    } finally {
      this.busy = false;
    }
  }

  async #rename(e: Event, project: Project) {
    e.preventDefault();
    const name = String(new FormData(e.target as HTMLFormElement).get('name') ?? '').trim();
    this.busy = true;
    try {
      const saved = await api.patch<Project>(`/api/projects/${project.id}`, { name });
      appState().projects = appState().projects.map((p) => (p.id === saved.id ? { ...p, name: saved.name } : p));
      this.editing = null;
      this.#done(rt('saved'));
    } catch (err) {
      this.#fail(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`
      <section class="card" aria-labelledby="projects-title">
        <h2 id="projects-title">${rt('projects')}</h2>
        ${this.message ? html`<div class=${this.failed ? 'error-box' : 'ok-box'} role="status">${this.message}</div>` : nothing}
        ${this.projects.length ? html`
          <table>
            <thead><tr><th>${rt('name')}</th><th>${rt('code')}</th><th></th></tr></thead>
            <tbody>${this.projects.map((p) => this.#row(p))}</tbody>
          </table>` : html`<p class="hint">${rt('noProjects')}</p>`}
        <h3 style="margin-top:14px">${rt('newProject')}</h3>
        <form @submit=${this.#create} aria-label=${rt('newProject')}>
          <div class="row">
            <label>${rt('code')}<input name="code" required maxlength="32" pattern="[A-Za-z0-9_\\-]{1,32}" title=${rt('codeHint')} placeholder="LX" autocomplete="off">${this.editing === null ? this.#issue('code') : nothing}</label>
            <label>${rt('name')}<input name="name" required maxlength="200" placeholder="兰溪花园">${this.editing === null ? this.#issue('name') : nothing}</label>
            <button type="submit" class="primary" ?disabled=${this.busy}>${rt('createProject')}</button>
          </div>
          <p class="hint">${rt('codeHint')}</p>
        </form>
      </section>`;
  }

  #row(p: Project) {
    if (this.editing === p.id) {
      return html`<tr data-code=${p.code}><td colspan="3">
        <form class="inline" @submit=${(e: Event) => this.#rename(e, p)} aria-label=${`${rt('rename')} ${p.name}`}>
          <label>${rt('name')}<input name="name" required maxlength="200" .value=${p.name}>${this.#issue('name')}</label>
          <button type="submit" class="primary" ?disabled=${this.busy}>${rt('save')}</button>
          <button type="button" @click=${() => { this.editing = null; this.issues = []; }}>${rt('cancel')}</button>
        </form></td></tr>`;
    }
    return html`<tr data-code=${p.code} aria-selected=${p.id === this.selected ? 'true' : 'false'}>
      <td>${p.name}</td><td>${p.code}</td>
      <td class="actions">
        <button type="button" class="icon" @click=${() => this.dispatchEvent(new CustomEvent('project-select', { detail: p.id, bubbles: true, composed: true }))}>${rt('showBuildings')}</button>
        <button type="button" class="icon" aria-label=${`${rt('rename')} ${p.name}`} @click=${() => { this.editing = p.id; this.issues = []; this.message = ''; }}>${rt('rename')}</button>
      </td></tr>`;
  }
}

customElements.define('wy-registry-projects', WyRegistryProjects);

declare global {
  interface HTMLElementTagNameMap {
    'wy-registry-projects': WyRegistryProjects;
  }
}
