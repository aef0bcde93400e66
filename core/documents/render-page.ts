/**
 * The last step of every printed document, shared by a case's print (render-document.ts) and the
 * template editor's preview (core/http/routes/config-preview.ts): the template run with the
 * document helpers in the company's locale and the case type's field labels, inside the print page.
 * Templates come compiled from compile-cache.ts (noEscape off) and are checked before they are
 * compiled (no {{{ }}}), so whatever the context holds is printed escaped.
 */
import type Handlebars from 'handlebars';
import type { FieldSchema } from '../declarations/form-fields.js';
import { documentHelpers } from './helpers.js';
import { printPage } from './print-page.js';
import type { DocumentLanguage } from './document-language.js';

export interface DocumentPage {
  template: Handlebars.TemplateDelegate;
  context: Record<string, unknown>;
  /** the page's <title> */
  title: string;
  language: DocumentLanguage;
  /** the company calendar's, for formatDate/formatDateTime */
  timezone: string;
  /** a field of the case type by its path, for the label and enumLabel helpers */
  fieldOf: (field: string) => FieldSchema | undefined;
}

export function renderDocumentPage(page: DocumentPage): string {
  const helpers = documentHelpers({ timezone: page.timezone, language: page.language }, (field) => {
    const f = page.fieldOf(field);
    return f ? { label: f['x-label'] as never, enumLabels: f['x-enumLabels'] as never } : undefined;
  });
  // no prototype access from a template, whatever the handlebars defaults become
  const body = page.template(page.context, { helpers, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  return printPage(page.title, page.language, body);
}
