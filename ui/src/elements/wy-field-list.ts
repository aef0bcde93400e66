import { LitElement, css, html } from 'lit';
import { fieldLabel, isEmptyValue, orderedFields, renderValue } from '../field-values.js';
import { I18nController } from '../i18n.js';
import { base } from '../styles.js';
import type { FormDeclaration } from '../types.js';

/**
 * The filled-in fields of a form as label / value pairs, labelled and ordered by the form's
 * declaration (or just the fields named in `only`). Empty fields are left out.
 */
export class WyFieldList extends LitElement {
  static override properties = {
    form: { attribute: false },
    data: { attribute: false },
    only: { attribute: false },
    compact: { type: Boolean, reflect: true },
  };

  static override styles = [base, css`
    :host { display: block; }
    dl { display: grid; grid-template-columns: minmax(120px, max-content) 1fr; gap: 6px 16px; margin: 0; }
    :host([compact]) dl { gap: 2px 12px; font-size: 13px; }
    dt { color: var(--wy-muted); }
    dd { margin: 0; white-space: pre-wrap; word-break: break-word; min-width: 0; }
    ul.attachments { list-style: none; margin: 0; padding: 0; display: flex; gap: 10px; flex-wrap: wrap; }
    img.signature { max-width: 240px; max-height: 100px; border: 1px solid var(--wy-border); background: #fff; }
    /* repeating groups as a small table, nested objects as an indented list */
    table.rows { display: block; max-width: 100%; overflow-x: auto; border-collapse: collapse; font-size: 13px; white-space: normal; }
    table.rows td { white-space: nowrap; }
    table.rows th, table.rows td { border: 1px solid var(--wy-border); padding: 3px 8px; text-align: left; vertical-align: top; }
    table.rows th { background: var(--wy-surface-2, #f5f6f8); font-weight: 500; color: var(--wy-muted); }
    dl.nested { grid-template-columns: max-content 1fr; gap: 2px 10px; font-size: 13px; }
    /* on a phone a long label wraps and a signature shrinks: the page never scrolls sideways */
    @media (max-width: 600px) {
      dt { max-width: 7.5em; }
      img.signature { max-width: 100%; height: auto; }
    }
  `];

  declare form: FormDeclaration | null;
  declare data: Record<string, unknown>;
  /** restrict to these field names (in this order) */
  declare only: string[] | null;
  declare compact: boolean;

  constructor() {
    super();
    new I18nController(this);
    this.form = null;
    this.data = {};
    this.only = null;
    this.compact = false;
  }

  override render() {
    const props = this.form?.schema.properties ?? {};
    const names = (this.only ?? (this.form ? orderedFields(this.form) : Object.keys(this.data))).filter((n) => !isEmptyValue(this.data[n]));
    if (!names.length) return null;
    return html`<dl>
      ${names.map((n) => html`<dt>${fieldLabel(props[n], n)}</dt><dd data-field=${n}>${renderValue(props[n], this.data[n])}</dd>`)}
    </dl>`;
  }
}

customElements.define('wy-field-list', WyFieldList);

declare global {
  interface HTMLElementTagNameMap {
    'wy-field-list': WyFieldList;
  }
}
