import type { RuleIssue } from './types.js';

/**
 * A rule was refused (compileRule) or failed while being evaluated. Always carries issues with
 * pointers into the rule, so the rule editor and the plugin loader can point at the offending node.
 */
export class RuleError extends Error {
  readonly issues: RuleIssue[];

  constructor(message: string, issues: RuleIssue[], options?: ErrorOptions) {
    super(message, options);
    this.name = 'RuleError';
    this.issues = issues;
  }
}

/** 'rule refused: /and/1: operator "method" is not allowed (and 2 more issues)' */
export function summarizeIssues(prefix: string, issues: readonly RuleIssue[]): string {
  const first = issues[0];
  if (!first) return prefix;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''})` : '';
  return `${prefix}: ${first.pointer || '(root)'}: ${first.message}${more}`;
}
