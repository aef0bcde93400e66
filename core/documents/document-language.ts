/**
 * The language printed documents speak.
 *
 * Paper goes to residents, contractors, other departments and the company's archive, so a
 * document prints in the company's language — never in the language of the clerk's screen — and
 * in that language only:
 *   - templates are written in the company's language: one-language headings and labels, no
 *     "编号 / No." pairs and no English sentences (test/api/printed-documents.test.ts reads every
 *     template and refuses Latin words in its text);
 *   - `{{label}}`, `{{enumLabel}}`, `{{text}}`, the document title and the state / step titles in the
 *     context are picked in that language;
 *   - the context carries it as `document.language` (and the page's `<html lang>`).
 * Plugin code rendering its own documents (`services.configFor(…).render(template, context)`)
 * gets the same language; `view.documentLanguage` gives it for text the code composes itself.
 *
 * Every company prints in zh-CN: the plugins' templates are written in Chinese. A company
 * printing in another language would replace the templates through its configuration
 * (`plugins.<id>.templates`) and name its language in a company setting read here — that setting
 * does not exist yet, so this is the one place to add it.
 */
export type DocumentLanguage = 'zh-CN' | 'en';

/** The company's printing language (see above): zh-CN for every company today. */
export function companyDocumentLanguage(): DocumentLanguage {
  return 'zh-CN';
}
