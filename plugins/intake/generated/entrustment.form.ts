/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/entrustment.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface EntrustmentData {
  ownerName: string;
  contactPhone: string;
  ownerAddress?: string;
  startDate: string;
  endDate?: string;
  keysDeposited?: number;
  note?: string;
}
