/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/parcel-desk/depositDecline.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface DepositDeclineData {
  declineReason: string;
}
