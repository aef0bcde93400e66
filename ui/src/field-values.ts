/**
 * Reading case data through the form declarations: labels from `x-label`, enum values through
 * `x-enumLabels`, booleans, times, money, attachments (links) and signatures (images).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { loc, t } from './i18n.js';
import { formatDate, formatDateTime } from './format.js';
import type { FormDeclaration, FormSchema } from './types.js';

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

export const attachmentHref = (id: string) => `/api/attachments/${encodeURIComponent(id)}`;

function attachmentLinks(ids: string[]): TemplateResult {
  return html`<ul class="attachments">
    ${ids.map((id, i) => html`<li><a href=${attachmentHref(id)} target="_blank" rel="noopener">${t('attachment')} ${i + 1}</a></li>`)}
  </ul>`;
}

export function renderValue(schema: FormSchema | undefined, value: unknown): TemplateResult | string | typeof nothing {
  if (isEmpty(value)) return nothing;
  if (typeof value === 'boolean') return value ? t('valueTrue') : t('valueFalse');
  if (Array.isArray(value)) {
    if (schema?.items?.format === 'attachment') return attachmentLinks(value.map(String));
    return value.map((v) => {
      const r = renderValue(schema?.items, v);
      return typeof r === 'string' ? r : String(v);
    }).join('、');
  }
  if (typeof value === 'string') {
    const enumLabel = schema?.['x-enumLabels']?.[value];
    if (enumLabel) return loc(enumLabel);
    switch (schema?.format) {
      case 'date-time': return formatDateTime(value);
      case 'date': return formatDate(value);
      case 'money': return `¥${value}`;
      case 'attachment': return attachmentLinks([value]);
      case 'signature': return value.startsWith('data:image/png;base64,') ? html`<img class="signature" src=${value} alt=${t('signatureImage')} />` : nothing;
      default: return value;
    }
  }
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
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
