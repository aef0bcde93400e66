/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/duty-desk/review.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface ReviewData {
  reviewResult: 'ok' | 'issues';
  reviewNote?: string;
}
