/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/entrustmentStart.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface EntrustmentStartData {
  agreementSigned: true;
  agreementCopy?: string;
  entrustSignature: string;
  startWaterReading: string;
  startElectricityReading: string;
  startGasReading?: string;
  waterLimit?: string;
  electricityLimit?: string;
  feeFactor?: string;
  lastWaterReading?: string;
  lastElectricityReading?: string;
}
