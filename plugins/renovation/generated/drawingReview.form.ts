/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/drawingReview.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface DrawingReviewData {
  drawingDecision: 'approved' | 'changesRequired';
  drawingComments?: string;
}
