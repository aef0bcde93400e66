/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/paid-services/completion.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface CompletionData {
  workDone: string;
  completedAt: string;
  customerTested: true;
  customerSignature: string;
  customerComment?: string;
}
