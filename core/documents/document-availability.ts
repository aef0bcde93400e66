/**
 * Which of a case's documents may be printed now. A workflow's document may declare `availableIf`
 * (JsonLogic over data, case, config — like a guard): a permit is not printed before it is issued,
 * a hot-work permit not for works without hot work. The case API offers only the documents
 * available, and the print route refuses the others (422 with `unavailableMessage`), so an office
 * never holds paper the procedure has not produced. The condition runs in the case's rule
 * environment (caseRuleEnvironment), like a guard: date.* and plugin operators work in it.
 */
import type { WorkCase } from '../db/entities/index.js';
import type { CompiledCaseType } from '../config/compiled-config.js';
import { RuleRefusedError } from '../errors.js';
import { truthy } from '../rules/engine.js';
import { withRuleEnvironment, type RuleEnvironment } from '../rules/rule-environment.js';
import { prepareRuleContext } from '../rules/prepared-context.js';
import { ruleContext } from '../workflow/rule-context.js';
import { pickText } from './helpers.js';
import type { DocumentLanguage } from './document-language.js';

export function documentAvailable(type: CompiledCaseType, row: WorkCase, documentId: string, env: RuleEnvironment): boolean {
  const rule = type.logic.get(`documents/${documentId}/availableIf`);
  if (!rule) return true;
  try {
    const context = prepareRuleContext(ruleContext(row, row.data, null, type.settings));
    return truthy(withRuleEnvironment(env, () => rule.evaluate(context)));
  } catch {
    // a condition that cannot be evaluated on this data does not let the paper out
    return false;
  }
}

/** The documents of the case that may be printed now, as the case API lists them. */
export function offeredDocuments(type: CompiledCaseType, row: WorkCase, env: RuleEnvironment): { id: string; title: { 'zh-CN': string; en?: string } }[] {
  return Object.entries(type.workflow.documents ?? {})
    .filter(([id]) => documentAvailable(type, row, id, env))
    .map(([id, d]) => ({ id, title: d.title }));
}

/** Throws the 422 the print route answers for a document not available on this case. */
export function assertDocumentAvailable(type: CompiledCaseType, row: WorkCase, documentId: string, language: DocumentLanguage, env: RuleEnvironment): void {
  if (documentAvailable(type, row, documentId, env)) return;
  const doc = type.workflow.documents?.[documentId];
  const title = pickText(doc?.title, language);
  const message = pickText(doc?.unavailableMessage, language) || `本案件当前不能打印《${title}》`;
  throw new RuleRefusedError(message, [{ pointer: '/document', code: 'document-unavailable', message }]);
}
