/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/resubmission.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface ResubmissionData {
  ownerNotifiedAt: string;
  floorPlan?: string;
  electricalPlan?: string;
  plumbingPlan?: string;
  resubmissionNote: string;
}
