/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/complaints/outcomePublicity.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface OutcomePublicityData {
  publicityMethod: 'meeting' | 'notice';
  publishedAt: string;
  publicityPlace?: string;
  publicitySummary: string;
}
