import { LitElement, css, html, nothing } from 'lit';
import { I18nController, loc } from '../i18n.js';
import { userHasPermission } from '../permissions.js';
import { declaredPermissions } from '../plugin-ui-registry.js';
import { base } from '../styles.js';
import { adminStyles } from './admin-styles.js';
import { at } from './admin-i18n.js';
import type { RoleView, Text } from './admin-types.js';
import { IDENTIFIER } from './admin-types.js';
import { draft, DraftController } from './draft-store.js';
import { ctl, focusPointer, invalid, issueNote } from './issue-view.js';
import { pointer } from './patch.js';
import './wy-admin-staff-panel.js';

const KNOWN_PERMISSIONS = ['config.edit', 'staff.manage', '*'];

/**
 * Roles & staff: the company's roles (rename in both languages, add, reports-to chain for
 * escalation, permissions, see all projects, merge into another role) on the draft, and the
 * staff accounts (changed at once, through the staff endpoints).
 */
export class WyAdminRolesPage extends LitElement {
  static override properties = { query: { attribute: false }, addError: { state: true } };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    table input:not([type='checkbox']), table select { width: 100%; min-width: 90px; }
    td.perm input { min-width: 130px; }
    td:last-child button { white-space: nowrap; }
    tr.added { background: #f1f8e9; }
    tr.removed td { text-decoration: line-through; color: var(--wy-muted); }
    td.extends { min-width: 140px; }
    .chip { display: inline-flex; align-items: center; gap: 2px; margin: 0 4px 4px 0; padding: 1px 2px 1px 8px; border-radius: 12px; background: var(--wy-primary-light); white-space: nowrap; }
    .chip button { padding: 0 6px; min-height: 0; border: 0; background: none; }
    /* the table is wider than a phone: it scrolls inside its card, the page does not */
    .table-scroll { overflow-x: auto; }
  `];

  declare query: URLSearchParams;
  declare addError: string;
  #focused = '';

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
    this.query = new URLSearchParams();
    this.addError = '';
  }

  override updated(): void {
    const focus = this.query.get('focus');
    if (focus && focus !== this.#focused && focusPointer(this.renderRoot, focus)) this.#focused = focus;
  }

  #edit(id: string, fn: (r: RoleView) => void) {
    const r = draft.roles[id];
    if (!r) return;
    const next = structuredClone(r);
    fn(next);
    draft.setRole(id, next);
  }

  override render() {
    const roles = Object.entries(draft.roles);
    const activeRoles = draft.active?.effective.roles ?? {};
    const perms = [...new Set([...KNOWN_PERMISSIONS, ...declaredPermissions(), ...roles.flatMap(([, r]) => r.permissions ?? [])])];
    const p = (id: string, ...path: string[]) => pointer('document', 'roles', id, ...path);
    const setTitle = (id: string, lang: 'zh-CN' | 'en', v: string) => this.#edit(id, (r) => {
      const title: Partial<Text> = { ...r.title };
      if (v.trim()) title[lang] = v;
      else delete title[lang];
      r.title = title as Text;
    });
    const roleOptions = (current: string | undefined, self: string) => html`
      <option value="" ?selected=${!current}>${at('none')}</option>
      ${current && !draft.roles[current] ? html`<option value=${current} selected>${current}</option>` : nothing}
      ${roles.filter(([id]) => id !== self).map(([id, r]) => html`<option value=${id} ?selected=${id === current}>${loc(r.title) || id}</option>`)}`;
    const add = (e: Event) => {
      e.preventDefault();
      const fd = new FormData(e.target as HTMLFormElement);
      const id = String(fd.get('id') ?? '').trim();
      const zh = String(fd.get('zh') ?? '').trim();
      const en = String(fd.get('en') ?? '').trim();
      const reportsTo = String(fd.get('reportsTo') ?? '');
      if (!IDENTIFIER.test(id) || draft.roles[id] || !zh) { this.addError = at('roleInvalid'); return; }
      this.addError = '';
      draft.setRole(id, { title: en ? { 'zh-CN': zh, en } : { 'zh-CN': zh }, ...(reportsTo ? { reportsTo } : {}) });
      (e.target as HTMLFormElement).reset();
    };
    const removed = Object.keys(activeRoles).filter((id) => !draft.roles[id]);
    return html`
      <section class="card" aria-labelledby="roles-title">
        <h2 id="roles-title">${at('roles')}</h2>
        <p class="hint">${at('rolesHint')}</p>
        <p class="hint">${at('extendsHint')}</p>
        <datalist id="permissions">${perms.map((x) => html`<option value=${x}></option>`)}</datalist>
        <div class="table-scroll"><table>
          <thead><tr><th>${at('roleId')}</th><th>${at('labelZh')}</th><th>${at('labelEn')}</th><th>${at('reportsTo')}</th><th>${at('permissions')}</th><th>${at('allProjects')}</th><th>${at('mergedInto')}</th><th>${at('extends')}</th><th></th></tr></thead>
          <tbody>
            ${roles.map(([id, r]) => {
              const name = loc(r.title) || id;
              return html`
              <tr class=${activeRoles[id] ? '' : 'added'} data-role=${id} data-pointer=${ctl(p(id))}>
                <td><span class="id">${id}</span>${activeRoles[id] ? nothing : html` <span class="badge">${at('new')}</span>`}${issueNote(p(id))}</td>
                <td><input aria-label=${at('roleTitleZh', { id })} .value=${r.title?.['zh-CN'] ?? ''} data-pointer=${ctl(p(id, 'title', 'zh-CN'))} aria-invalid=${invalid(p(id, 'title', 'zh-CN'))}
                  @input=${(e: Event) => setTitle(id, 'zh-CN', (e.target as HTMLInputElement).value)}>${issueNote(p(id, 'title', 'zh-CN'))}</td>
                <td><input aria-label=${at('roleTitleEn', { id })} .value=${r.title?.en ?? ''} data-pointer=${ctl(p(id, 'title', 'en'))}
                  @input=${(e: Event) => setTitle(id, 'en', (e.target as HTMLInputElement).value)}>${issueNote(p(id, 'title', 'en'))}</td>
                <td><select aria-label=${at('roleReportsTo', { name })} data-pointer=${ctl(p(id, 'reportsTo'))} aria-invalid=${invalid(p(id, 'reportsTo'))}
                  @change=${(e: Event) => this.#edit(id, (x) => { const v = (e.target as HTMLSelectElement).value; if (v) x.reportsTo = v; else delete x.reportsTo; })}>
                  ${roleOptions(r.reportsTo, id)}</select>${issueNote(p(id, 'reportsTo'))}</td>
                <td class="perm"><input aria-label=${at('rolePermissions', { name })} list="permissions" .value=${(r.permissions ?? []).join(', ')}
                  data-pointer=${ctl(p(id, 'permissions'))} aria-invalid=${invalid(p(id, 'permissions'))}
                  @change=${(e: Event) => this.#edit(id, (x) => { x.permissions = [...new Set((e.target as HTMLInputElement).value.split(/[,，\s]+/).map((s) => s.trim()).filter(Boolean))]; })}>
                  ${issueNote(p(id, 'permissions'))}</td>
                <td><input type="checkbox" aria-label=${at('roleAllProjects', { name })} .checked=${r.allProjects === true}
                  @change=${(e: Event) => this.#edit(id, (x) => { x.allProjects = (e.target as HTMLInputElement).checked; })}></td>
                <td><select aria-label=${at('roleMergedInto', { name })} data-pointer=${ctl(p(id, 'mergedInto'))} aria-invalid=${invalid(p(id, 'mergedInto'))}
                  @change=${(e: Event) => this.#edit(id, (x) => { const v = (e.target as HTMLSelectElement).value; if (v) x.mergedInto = v; else delete x.mergedInto; })}>
                  ${roleOptions(r.mergedInto, id)}</select>${issueNote(p(id, 'mergedInto'))}</td>
                <td class="extends" data-pointer=${ctl(p(id, 'extends'))}>
                  ${(r.extends ?? []).map((base, i) => html`<span class="chip" data-pointer=${ctl(p(id, 'extends', String(i)))}>${loc(draft.roles[base]?.title) || base}
                    <button type="button" class="icon" aria-label=${at('removeExtends', { base: loc(draft.roles[base]?.title) || base })}
                      @click=${() => this.#edit(id, (x) => { x.extends = (x.extends ?? []).filter((b) => b !== base); if (!x.extends.length) delete x.extends; })}>×</button></span>`)}
                  <select aria-label=${at('roleExtendsAdd', { name })} aria-invalid=${invalid(p(id, 'extends'))}
                    @change=${(e: Event) => { const sel = e.target as HTMLSelectElement; const v = sel.value; sel.value = ''; if (v) this.#edit(id, (x) => { x.extends = [...new Set([...(x.extends ?? []), v])]; }); }}>
                    <option value="" selected>${at('addExtends')}</option>
                    ${roles.filter(([other]) => other !== id && !(r.extends ?? []).includes(other)).map(([other, o]) => html`<option value=${other}>${loc(o.title) || other}</option>`)}
                  </select>${issueNote(p(id, 'extends'))}</td>
                <td><button type="button" class="icon danger" aria-label=${at('removeRole', { name })}
                  @click=${() => { if (confirm(at('removeRoleConfirm', { name }))) draft.setRole(id, null); }}>${at('remove')}</button></td>
              </tr>`;
            })}
            ${removed.map((id) => html`<tr class="removed"><td><span class="id">${id}</span></td><td colspan="7">${loc(activeRoles[id]?.title)}</td>
              <td><button type="button" class="icon" @click=${() => draft.setRole(id, activeRoles[id]!)}>${at('restore')}</button></td></tr>`)}
          </tbody>
        </table></div>
        <form class="row" @submit=${add} style="margin-top:12px" aria-label=${at('addRole')}>
          <label>${at('roleId')}<input name="id" class="id" required pattern="[a-z][a-zA-Z0-9]*"></label>
          <label>${at('labelZh')}<input name="zh" required></label>
          <label>${at('labelEn')}<input name="en"></label>
          <label>${at('reportsTo')}<select name="reportsTo">${roleOptions(undefined, '')}</select></label>
          <button type="submit">${at('addRole')}</button>
        </form>
        ${this.addError ? html`<div class="issue" role="alert">${this.addError}</div>` : nothing}
      </section>
      ${userHasPermission('staff.manage') ? html`<wy-admin-staff-panel></wy-admin-staff-panel>` : nothing}
    `;
  }
}

customElements.define('wy-admin-roles-page', WyAdminRolesPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-roles-page': WyAdminRolesPage;
  }
}
