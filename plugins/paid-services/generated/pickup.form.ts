/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/paid-services/pickup.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface PickupData {
  pickedUpAt: string;
  arrivalPromisedAt?: string;
  pickupNote?: string;
}
