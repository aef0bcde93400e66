/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/fireReview.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface FireReviewData {
  fireDecision: 'approved' | 'changesRequired';
  fireReceipt?: string;
  extinguishersRequired?: number;
  fireComments?: string;
  extinguishersRented?: number;
}
