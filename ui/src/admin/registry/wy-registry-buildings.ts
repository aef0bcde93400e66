import { LitElement, css, html, nothing } from 'lit';
import { api } from '../../api.js';
import { I18nController } from '../../i18n.js';
import { base } from '../../styles.js';
import { adminStyles } from '../admin-styles.js';
import type { Building, Issue, Project } from '../../types.js';
import { failureWords, issueWords, rt } from './registry-i18n.js';

/** The buildings of one project: list, create (code and name), change code or name. */
export class WyRegistryBuildings extends LitElement {
  static override properties = {
    project: { attribute: false },
    items: { state: true },
    editing: { state: true },
    busy: { state: true },
    issues: { state: true },
    message: { state: true },
    failed: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    td.actions { white-space: nowrap; text-align: right; }
    form.inline { display: flex; gap: 6px; align-items: flex-end; flex-wrap: wrap; }
  `];

  declare project: Project | null;
  declare items: Building[] | null;
  declare editing: number | null;
  declare busy: boolean;
  declare issues: Issue[];
  declare message: string;
  declare failed: boolean;

  constructor() {
    super();
    new I18nController(this);
    this.project = null;
    this.items = null;
    this.editing = null;
    this.busy = false;
    this.issues = [];
    this.message = '';
    this.failed = false;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('project') && (changed.get('project') as Project | null | undefined)?.id !== this.project?.id) {
      this.items = null;
      this.message = '';
      this.issues = [];
      this.editing = null;
      void this.reload();
    }
  }

  /** Reads the project's buildings again (after a roster import, say). */
  async reload() {
    const project = this.project;
    if (!project) return;
    try {
      const items = (await api.get<{ items: Building[] }>('/api/buildings', { projectId: project.id })).items;
      if (project.id === this.project?.id) this.items = items;
    } catch (err) {
      this.failed = true;
      this.message = failureWords(err);
    }
  }

  #issue(field: string) {
    const found = this.issues.filter((i) => i.pointer === `/${field}`);
    return found.length ? html`<span class="issue" role="alert">${found.map(issueWords).join(' ')}</span>` : nothing;
  }

  async #send(work: () => Promise<Building>, message: (b: Building) => string) {
    this.busy = true;
    try {
      const b = await work();
      this.issues = [];
      this.failed = false;
      this.message = message(b);
      this.editing = null;
      await this.reload();
      return true;
    } catch (err) {
      this.issues = (err as { issues?: Issue[] }).issues ?? [];
      this.failed = true;
      this.message = failureWords(err);
      return false;
    } finally {
      this.busy = false;
    }
  }

  async #create(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const fd = new FormData(form);
    const body = { projectId: this.project!.id, code: String(fd.get('code') ?? '').trim(), name: String(fd.get('name') ?? '').trim() };
    if (await this.#send(() => api.post<Building>('/api/buildings', body), (b) => rt('buildingCreated', { name: b.name }))) form.reset();
  }

  async #save(e: Event, b: Building) {
    e.preventDefault();
    const fd = new FormData(e.target as HTMLFormElement);
    const body: Record<string, string> = {};
    const code = String(fd.get('code') ?? '').trim();
    const name = String(fd.get('name') ?? '').trim();
    if (code !== b.code) body.code = code;
    if (name !== b.name) body.name = name;
    if (!Object.keys(body).length) { this.editing = null; return; }
    await this.#send(() => api.patch<Building>(`/api/buildings/${b.id}`, body), () => rt('saved'));
  }

  override render() {
    if (!this.project) return nothing;
    return html`
      <section class="card" aria-labelledby="buildings-title">
        <h2 id="buildings-title">${rt('buildingsOf', { project: this.project.name })}</h2>
        ${this.message ? html`<div class=${this.failed ? 'error-box' : 'ok-box'} role="status">${this.message}</div>` : nothing}
        ${this.items === null ? html`<p role="status">${rt('loading')}</p>` : this.items.length ? html`
          <table>
            <thead><tr><th>${rt('name')}</th><th>${rt('code')}</th><th></th></tr></thead>
            <tbody>${this.items.map((b) => this.#row(b))}</tbody>
          </table>` : html`<p class="hint">${rt('noBuildings')}</p>`}
        <h3 style="margin-top:14px">${rt('newBuilding')}</h3>
        <form @submit=${this.#create} aria-label=${rt('newBuilding')}>
          <div class="row">
            <label>${rt('code')}<input name="code" required maxlength="32" pattern="[A-Za-z0-9_\\-]{1,32}" title=${rt('codeHint')} placeholder="3" autocomplete="off">${this.editing === null ? this.#issue('code') : nothing}</label>
            <label>${rt('name')}<input name="name" required maxlength="200" placeholder="3栋">${this.editing === null ? this.#issue('name') : nothing}</label>
            <button type="submit" class="primary" ?disabled=${this.busy}>${rt('createBuilding')}</button>
          </div>
        </form>
      </section>`;
  }

  #row(b: Building) {
    if (this.editing === b.id) {
      return html`<tr data-code=${b.code}><td colspan="3">
        <form class="inline" @submit=${(e: Event) => this.#save(e, b)} aria-label=${`${rt('edit')} ${b.name}`}>
          <label>${rt('code')}<input name="code" required maxlength="32" .value=${b.code}>${this.#issue('code')}</label>
          <label>${rt('name')}<input name="name" required maxlength="200" .value=${b.name}>${this.#issue('name')}</label>
          <button type="submit" class="primary" ?disabled=${this.busy}>${rt('save')}</button>
          <button type="button" @click=${() => { this.editing = null; this.issues = []; }}>${rt('cancel')}</button>
        </form></td></tr>`;
    }
    return html`<tr data-code=${b.code}><td>${b.name}</td><td>${b.code}</td>
      <td class="actions"><button type="button" class="icon" aria-label=${`${rt('edit')} ${b.name}`} @click=${() => { this.editing = b.id; this.issues = []; this.message = ''; }}>${rt('edit')}</button></td></tr>`;
  }
}

customElements.define('wy-registry-buildings', WyRegistryBuildings);

declare global {
  interface HTMLElementTagNameMap {
    'wy-registry-buildings': WyRegistryBuildings;
  }
}
