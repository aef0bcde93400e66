/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/community-events/signUp.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface SignUpData {
  signUpUnitId: number;
  signUpName: string;
  signUpPhone: string;
  partySize: number;
}
