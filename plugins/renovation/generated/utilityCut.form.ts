/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/utilityCut.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface UtilityCutData {
  cutUtility: 'water' | 'power' | 'both';
  cutFrom: string;
  cutTo: string;
  cutArea: string;
  cutReason: string;
  cutRequestedBy: string;
  cutApplicantSignature: string;
}
