/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/entrustmentEnd.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface EntrustmentEndData {
  endedAt: string;
  endWaterReading: string;
  endElectricityReading: string;
  endGasReading?: string;
  keysReturnedToOwner: true;
  unitStatusAfter: 'vacant' | 'occupied';
}
