/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/completionRequest.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface CompletionRequestData {
  completionNote: string;
  rectificationNote?: string;
}
