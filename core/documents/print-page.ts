/**
 * The print-ready HTML page every document is rendered into. Apart from render-document.ts so that
 * compiling a configuration (also in the draft pool's worker threads) needs no database entities.
 */
import Handlebars from 'handlebars';
import type { DocumentLanguage } from './document-language.js';

/** A rendered template body inside the print-ready HTML page every document uses. */
export function printPage(title: string, lang: DocumentLanguage, body: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${Handlebars.escapeExpression(title)}</title>
<style>
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 24px; color: #111; }
  table { border-collapse: collapse; width: 100%; margin: 8px 0; }
  th, td { border: 1px solid #444; padding: 4px 8px; text-align: left; vertical-align: top; }
  th { background: #f2f2f2; }
  tbody th { width: 22%; } /* label cells of key–value rows; header rows size by content */
  h1 { font-size: 20px; text-align: center; }
  /* header items and signature lines are separate fields: keep them apart on paper */
  .meta, .signatures:not(table) { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 28px; }
  img.signature { max-height: 56px; max-width: 220px; vertical-align: middle; }
  .page-break { page-break-after: always; }
  @media print { body { margin: 0; } .no-print { display: none; } }
</style></head>
<body>
${body}
</body></html>`;
}
