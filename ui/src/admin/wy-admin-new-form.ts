import { LitElement, css, html, nothing } from 'lit';
import { I18nController } from '../i18n.js';
import { href, navigate } from '../router.js';
import { base } from '../styles.js';
import { adminStyles } from './admin-styles.js';
import { at } from './admin-i18n.js';
import './types-i18n.js';
import type { FormDeclaration } from './admin-types.js';
import { draft } from './draft-store.js';
import { blankForm, checkFormTitle } from './new-type.js';

/**
 * 新建表单 on the forms page of a company type: the admin names a form (a step's form, e.g.
 * 归还钥匙); its name is generated, it starts with one field 备注, and the page opens on it so
 * the palette can add the real fields. The workflow designer then assigns it to a step.
 */
export class WyAdminNewForm extends LitElement {
  static override properties = {
    pluginId: { type: String },
    error: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: inline-block; }
    form { display: flex; gap: 8px; align-items: flex-end; flex-wrap: wrap; }
  `];

  declare pluginId: string;
  declare error: string;

  constructor() {
    super();
    new I18nController(this);
    this.pluginId = '';
    this.error = '';
  }

  #submit(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const title = String(new FormData(form).get('title') ?? '');
    const names = draft.names(this.pluginId, 'forms', null);
    this.error = checkFormTitle(title, names.map((n) => draft.decl<FormDeclaration>(this.pluginId, 'forms', n, null)));
    if (this.error) return;
    const made = blankForm(title, [...names, ...draft.names(this.pluginId, 'ui', null)]);
    draft.setDecl(this.pluginId, 'forms', made.name, made.form, null);
    draft.setDecl(this.pluginId, 'ui', made.name, made.ui, null);
    form.reset();
    navigate(href('/admin/forms', { plugin: this.pluginId, form: made.name }), { replace: true });
  }

  override render() {
    return html`
      <form @submit=${this.#submit} aria-label=${at('nf_add')} novalidate>
        <div><label>${at('nf_title')}
          <input name="title" maxlength="40" autocomplete="off" aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${this.error ? 'new-form-error' : nothing}
            @input=${() => { this.error = ''; }}></label>
          ${this.error ? html`<span class="issue" role="alert" id="new-form-error">${at(this.error)}</span>` : nothing}</div>
        <button type="submit">${at('nf_addButton')}</button>
      </form>`;
  }
}

customElements.define('wy-admin-new-form', WyAdminNewForm);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-new-form': WyAdminNewForm;
  }
}
