/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/signOff.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface SignOffData {
  signedOffAt: string;
  ownerAccepted: true;
  ownerComment?: string;
  signOffSignature: string;
}
