/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/utilityCutDecision.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface UtilityCutDecisionData {
  cutDecision: 'approved' | 'rejected';
  cutDecisionNote?: string;
  cutEngineeringSignature: string;
}
