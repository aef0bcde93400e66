import { LitElement, css, html } from 'lit';
import { caseTypeInfo, formDeclaration } from '../app-state.js';
import { isEmptyValue } from '../field-values.js';
import { I18nController, loc, t } from '../i18n.js';
import { base } from '../styles.js';
import type { CaseDetail, FormDeclaration, FormSchema } from '../types.js';
import './wy-field-list.js';

/** Bookkeeping fields (`x-internal`: record ids, counters) are stored but never shown to staff. */
const isInternal = (schema: FormSchema | undefined) => schema?.['x-internal'] === true;

/** A value without the x-internal properties of its objects (e.g. the unit id in each sign-up row). */
function withoutInternal(schema: FormSchema | undefined, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutInternal(schema?.items, v));
  const props = schema?.properties;
  if (value === null || typeof value !== 'object' || !props) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>)
    .filter(([k]) => !isInternal(props[k]))
    .map(([k, v]) => [k, withoutInternal(props[k], v)]));
}

interface Group {
  title: string;
  form: FormDeclaration | null;
  fields: string[];
}

/**
 * A case's data, read through its forms: the registration form by its UI sections, then what each
 * step's form added (classification, handling, reply…), then anything no form declares.
 */
export class WyCaseData extends LitElement {
  static override properties = { detail: { attribute: false } };

  static override styles = [base, css`
    :host { display: block; }
    section + section { margin-top: 14px; padding-top: 12px; border-top: 1px dashed var(--wy-border); }
    h3 { color: var(--wy-primary-dark); }
  `];

  declare detail: CaseDetail | null;

  constructor() {
    super();
    new I18nController(this);
    this.detail = null;
  }

  #groups(detail: CaseDetail): Group[] {
    const info = caseTypeInfo(detail.caseType);
    const data = detail.data;
    const shown = new Set<string>();
    const groups: Group[] = [];
    const take = (title: string, form: FormDeclaration | null, names: string[]) => {
      const fields = names.filter((n) => {
        if (isInternal(form?.schema.properties?.[n])) shown.add(n);
        return !shown.has(n) && !isEmptyValue(data[n]);
      });
      fields.forEach((n) => shown.add(n));
      if (fields.length) groups.push({ title, form, fields });
    };
    if (info) {
      const create = info.form;
      const props = Object.keys(create.schema.properties ?? {});
      for (const s of create.ui?.sections ?? []) take(loc(s.title) || loc(create.schema['x-label']), create, s.fields);
      take(loc(create.schema['x-label']), create, props);
      const formNames = new Set<string>();
      for (const tr of Object.values(info.transitions)) if (tr.form) formNames.add(tr.form);
      for (const [id, tf] of Object.entries(detail.transitionForms ?? {})) if (tf.form) formNames.add(tf.form.name ?? id);
      for (const name of formNames) {
        const form = formDeclaration(detail.caseType, name) ?? Object.values(detail.transitionForms ?? {}).find((f) => f.form?.name === name)?.form ?? null;
        if (form) take(loc(form.schema['x-label']) || name, form, Object.keys(form.schema.properties ?? {}));
      }
    }
    take(t('otherFields'), null, Object.keys(data));
    return groups;
  }

  override render() {
    if (!this.detail) return null;
    return this.#groups(this.detail).map((g) => html`
      <section>
        <h3>${g.title}</h3>
        <wy-field-list .form=${g.form} .data=${Object.fromEntries(g.fields.map((n) => [n, withoutInternal(g.form?.schema.properties?.[n], this.detail!.data[n])]))} .only=${g.fields}></wy-field-list>
      </section>`);
  }
}

customElements.define('wy-case-data', WyCaseData);

declare global {
  interface HTMLElementTagNameMap {
    'wy-case-data': WyCaseData;
  }
}
