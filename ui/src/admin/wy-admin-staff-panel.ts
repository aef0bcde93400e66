import { LitElement, css, html, nothing } from 'lit';
import { api, ApiError } from '../api.js';
import { appState } from '../app-state.js';
import { I18nController, loc } from '../i18n.js';
import { base } from '../styles.js';
import { adminStyles } from './admin-styles.js';
import { at, listSeparator } from './admin-i18n.js';
import type { Issue, StaffRow } from './admin-types.js';
import { failureWords, issueWords } from './registry/registry-i18n.js';
import './assignment/wy-staff-skills.js';

/**
 * Staff accounts: list, create (with a password, roles and projects), change roles, projects,
 * name or password, deactivate / reactivate. These take effect at once (not part of the draft);
 * roles offered are the ones in force.
 */
export class WyAdminStaffPanel extends LitElement {
  static override properties = {
    items: { state: true },
    error: { state: true },
    editing: { state: true },
    busy: { state: true },
    formIssues: { state: true },
    message: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    tr.inactive td { color: var(--wy-muted); }
    .edit { background: #fbfdff; }
    .edit .row { margin: 6px 0; }
  `];

  declare items: StaffRow[] | null;
  declare error: string;
  declare editing: number | null;
  declare busy: boolean;
  declare formIssues: Issue[];
  declare message: string;

  constructor() {
    super();
    new I18nController(this);
    this.items = null;
    this.error = '';
    this.editing = null;
    this.busy = false;
    this.formIssues = [];
    this.message = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    try {
      this.items = (await api.get<{ items: StaffRow[] }>('/api/staff')).items;
      this.error = '';
    } catch (err) {
      this.error = err instanceof ApiError ? (err.status === 404 ? at('endpointMissing') : err.message) : at('networkError');
    }
  }

  #roleTitle(id: string) {
    return loc(appState().roles[id]?.title) || id;
  }

  #projectName(id: number) {
    return appState().projects.find((p) => p.id === id)?.name ?? `#${id}`;
  }

  #fail(err: unknown) {
    this.formIssues = err instanceof ApiError ? err.issues : [];
    // the server's refusals in the admin's language (its messages are English or 「中文 / English」)
    this.message = failureWords(err);
  }

  async #create(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const fd = new FormData(form);
    const body = {
      username: String(fd.get('username') ?? '').trim(),
      name: String(fd.get('name') ?? '').trim(),
      password: String(fd.get('password') ?? ''),
      roles: fd.getAll('roles').map(String),
      projectIds: fd.getAll('projectIds').map(Number),
      language: String(fd.get('language') ?? 'zh-CN'),
    };
    if (!body.roles.length) { this.formIssues = [{ pointer: '/roles', code: 'required', message: at('chooseRole') }]; this.message = ''; return; }
    this.busy = true;
    try {
      await api.post('/api/staff', body);
      this.formIssues = [];
      this.message = at('staffCreated', { name: body.name });
      form.reset();
      await this.#load();
    } catch (err) {
      this.#fail(err);
    } finally {
      this.busy = false;
    }
  }

  async #patch(id: number, body: Record<string, unknown>) {
    this.busy = true;
    try {
      await api.patch(`/api/staff/${id}`, body);
      this.formIssues = [];
      this.message = at('staffSaved');
      await this.#load();
      return true;
    } catch (err) {
      this.#fail(err);
      return false;
    } finally {
      this.busy = false;
    }
  }

  async #saveEdit(e: Event, row: StaffRow) {
    e.preventDefault();
    const fd = new FormData(e.target as HTMLFormElement);
    const body: Record<string, unknown> = {
      name: String(fd.get('name') ?? '').trim() || row.name,
      roles: fd.getAll('roles').map(String),
      projectIds: fd.getAll('projectIds').map(Number),
    };
    const password = String(fd.get('password') ?? '');
    if (password) body.password = password;
    if (await this.#patch(row.id, body)) this.editing = null;
  }

  #issue(field: string) {
    const found = this.formIssues.filter((i) => i.pointer === `/${field}` || i.pointer.startsWith(`/${field}/`));
    return found.length ? html`<span class="issue" role="alert">${found.map(issueWords).join(' ')}</span>` : nothing;
  }

  #checkboxes(name: 'roles' | 'projectIds', chosen: (string | number)[]) {
    const { roles, projects } = appState();
    const options = name === 'roles'
      ? Object.entries(roles).map(([id, r]) => ({ value: id, label: loc(r.title) || id }))
      : projects.map((p) => ({ value: String(p.id), label: `${p.name}（${p.code}）` }));
    return html`<span class="chips">${options.map((o) => html`<label><input type="checkbox" name=${name} value=${o.value} ?checked=${chosen.map(String).includes(o.value)}>${o.label}</label>`)}</span>`;
  }

  override render() {
    return html`
      <section class="card" aria-labelledby="staff-title">
        <h2 id="staff-title">${at('staff')}</h2>
        <p class="hint">${at('staffHint')}</p>
        ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : nothing}
        ${this.message ? html`<div class=${this.formIssues.length ? 'error-box' : 'ok-box'} role="status">${this.message}</div>` : nothing}
        ${this.items ? this.#table(this.items) : this.error ? nothing : html`<p role="status">${at('loading')}</p>`}
        <h3 style="margin-top:14px">${at('newStaff')}</h3>
        <form @submit=${this.#create} aria-label=${at('newStaff')}>
          <div class="row">
            <label>${at('username')}<input name="username" required maxlength="64" autocomplete="off">${this.#issue('username')}</label>
            <label>${at('staffName')}<input name="name" required maxlength="100">${this.#issue('name')}</label>
            <label>${at('password')}<input name="password" type="password" required minlength="8" autocomplete="new-password">${this.#issue('password')}</label>
            <label>${at('language')}<select name="language"><option value="zh-CN">中文</option><option value="en">English</option></select></label>
          </div>
          <fieldset><legend>${at('staffRoles')}</legend>${this.#checkboxes('roles', [])}${this.#issue('roles')}</fieldset>
          <fieldset><legend>${at('staffProjects')}</legend>${this.#checkboxes('projectIds', [])}${this.#issue('projectIds')}</fieldset>
          <button type="submit" class="primary" ?disabled=${this.busy} style="margin-top:8px">${at('createStaff')}</button>
        </form>
      </section>`;
  }

  #table(items: StaffRow[]) {
    return html`
      <table>
        <thead><tr><th>${at('username')}</th><th>${at('staffName')}</th><th>${at('staffRoles')}</th><th>${at('staffProjects')}</th><th>${at('staffStatus')}</th><th></th></tr></thead>
        <tbody>
          ${items.map((s) => html`
            <tr class=${s.active ? '' : 'inactive'} data-username=${s.username}>
              <td class="id">${s.username}</td>
              <td>${s.name}</td>
              <td>${s.roles.map((r) => this.#roleTitle(r)).join(listSeparator())}</td>
              <td>${s.projectIds.map((p) => this.#projectName(p)).join(listSeparator())}</td>
              <td>${s.active ? at('active') : html`<span class="badge final">${at('inactive')}</span>`}</td>
              <td>
                <button type="button" class="icon" aria-label=${at('editStaff', { name: s.name })} @click=${() => { this.editing = this.editing === s.id ? null : s.id; }}>${at('edit')}</button>
                <button type="button" class="icon ${s.active ? 'danger' : ''}" ?disabled=${this.busy || s.id === appState().me.id}
                  aria-label=${s.active ? at('deactivateStaff', { name: s.name }) : at('activateStaff', { name: s.name })}
                  @click=${() => this.#patch(s.id, { active: !s.active })}>${s.active ? at('deactivate') : at('activate')}</button>
              </td>
            </tr>
            ${this.editing === s.id ? html`
              <tr class="edit"><td colspan="6">
                <form @submit=${(e: Event) => this.#saveEdit(e, s)} aria-label=${at('editStaff', { name: s.name })}>
                  <div class="row">
                    <label>${at('staffName')}<input name="name" .value=${s.name}></label>
                    <label>${at('newPassword')}<input name="password" type="password" minlength="8" autocomplete="new-password">${this.#issue('password')}</label>
                  </div>
                  <fieldset><legend>${at('staffRoles')}</legend>${this.#checkboxes('roles', s.roles)}${this.#issue('roles')}</fieldset>
                  <fieldset><legend>${at('staffProjects')}</legend>${this.#checkboxes('projectIds', s.projectIds)}</fieldset>
                  <wy-staff-skills .staffId=${s.id}></wy-staff-skills>
                  <div class="row"><button type="submit" class="primary" ?disabled=${this.busy}>${at('save')}</button>
                    <button type="button" @click=${() => { this.editing = null; }}>${at('cancel')}</button></div>
                </form>
              </td></tr>` : nothing}
          `)}
        </tbody>
      </table>`;
  }
}

customElements.define('wy-admin-staff-panel', WyAdminStaffPanel);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-staff-panel': WyAdminStaffPanel;
  }
}
