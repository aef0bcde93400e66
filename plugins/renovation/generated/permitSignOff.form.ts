/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/permitSignOff.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface PermitSignOffData {
  permitSignature: string;
  permitOpinion?: string;
}
