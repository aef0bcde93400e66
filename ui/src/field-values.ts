/**
 * Reading case data through the form declarations: labels from `x-label`, enum values through
 * `x-enumLabels`, booleans, times, money, attachments (thumbnails with names) and signatures (images).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { loc, t } from './i18n.js';
import { formatDate, formatDateTime, moneyText } from './format.js';
import type { FormDeclaration, FormSchema } from './types.js';
import './elements/wy-ref-label.js';
import { attachmentHref } from './attachment-href.js';
import './elements/wy-attachment-list.js';

export function fieldLabel(schema: FormSchema | undefined, name: string): string {
  return loc(schema?.['x-label']) || name;
}

/** Field names of a form in the order its UI sections show them, then any others. */
export function orderedFields(form: FormDeclaration): string[] {
  const props = Object.keys(form.schema.properties ?? {});
  const fromUi = (form.ui?.sections ?? []).flatMap((s) => s.fields).filter((f) => props.includes(f));
  return [...new Set([...fromUi, ...props])];
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

export { isEmpty as isEmptyValue };

export { attachmentHref };

/** Files as thumbnails (pictures) or tiles, with name and size; each opens the file. */
function attachmentLinks(ids: string[]): TemplateResult {
  return html`<wy-attachment-list .ids=${ids}></wy-attachment-list>`;
}

export function renderValue(schema: FormSchema | undefined, value: unknown): TemplateResult | string | typeof nothing {
  if (isEmpty(value)) return nothing;
  // a picked household is shown by its name (1栋 202), not its record id
  if (schema?.['x-ref'] === 'unit' && typeof value === 'number') return html`<wy-ref-label kind="unit" .refId=${value}></wy-ref-label>`;
  // a staff member named on the case (派给维修人员) by their name, never their id
  if (schema?.['x-ref'] === 'staff' && typeof value === 'number') return html`<wy-ref-label kind="staff" .refId=${value}></wy-ref-label>`;
  if (typeof value === 'boolean') return value ? t('valueTrue') : t('valueFalse');
  if (Array.isArray(value)) {
    if (schema?.items?.format === 'attachment') return attachmentLinks(value.map(String));
    // rows of a repeating group (workers, goods, members): a small table with the item fields as columns
    if (value.some((v) => v !== null && typeof v === 'object' && !Array.isArray(v))) return rowsTable(schema?.items, value);
    const parts = value.map((v) => renderValue(schema?.items, v));
    return parts.every((p) => typeof p === 'string') ? parts.join('、') : html`${parts.map((p, i) => html`${i ? '、' : ''}${p}`)}`;
  }
  if (typeof value === 'string') {
    const enumLabel = schema?.['x-enumLabels']?.[value];
    if (enumLabel) return loc(enumLabel);
    switch (schema?.format) {
      case 'date-time': return formatDateTime(value);
      case 'date': return formatDate(value);
      case 'money': return moneyText(value);
      // a phone number is tap-to-call on a phone
      case 'phone': return html`<a href=${`tel:${value.replace(/[^\d+]/g, '')}`}>${value}</a>`;
      case 'attachment': return attachmentLinks([value]);
      case 'signature': return value.startsWith('data:image/png;base64,') ? html`<img class="signature" src=${value} alt=${t('signatureImage')} />` : nothing;
      default: return value;
    }
  }
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null) return objectList(schema, value as Record<string, unknown>);
  return String(value);
}

/** Column names: the item schema's fields in order, then any others the rows carry. */
function columnsOf(items: FormSchema | undefined, rows: Record<string, unknown>[]): string[] {
  const declared = Object.keys(items?.properties ?? {});
  const seen = new Set(rows.flatMap((r) => Object.keys(r)));
  return [...declared.filter((k) => seen.has(k)), ...[...seen].filter((k) => !declared.includes(k))];
}

function rowsTable(items: FormSchema | undefined, value: unknown[]): TemplateResult {
  const rows = value.map((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v }));
  const columns = columnsOf(items, rows);
  return html`<table class="rows">
    <thead><tr>${columns.map((c) => html`<th scope="col">${fieldLabel(items?.properties?.[c], c)}</th>`)}</tr></thead>
    <tbody>${rows.map((r) => html`<tr>${columns.map((c) => html`<td>${renderValue(items?.properties?.[c], r[c])}</td>`)}</tr>`)}</tbody>
  </table>`;
}

function objectList(schema: FormSchema | undefined, value: Record<string, unknown>): TemplateResult {
  const keys = columnsOf(schema, [value]).filter((k) => !isEmpty(value[k]));
  return html`<dl class="nested">
    ${keys.map((k) => html`<dt>${fieldLabel(schema?.properties?.[k], k)}</dt><dd>${renderValue(schema?.properties?.[k], value[k])}</dd>`)}
  </dl>`;
}

/** The attachment ids found anywhere in data, by the forms' `format: attachment` fields. */
export function attachmentIds(forms: FormDeclaration[], data: Record<string, unknown>): string[] {
  const ids: string[] = [];
  for (const form of forms) {
    for (const [name, schema] of Object.entries(form.schema.properties ?? {})) {
      const v = data[name];
      if (schema.format === 'attachment' && typeof v === 'string') ids.push(v);
      if (schema.items?.format === 'attachment' && Array.isArray(v)) ids.push(...v.map(String));
    }
  }
  return [...new Set(ids)];
}
