/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/vacantUnit.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface VacantUnitData {
  source: 'newHandover' | 'moveOut' | 'other';
  vacantSince: string;
  keyLocation: string;
  ownerName?: string;
  contactPhone?: string;
  previousCase?: string;
  note?: string;
}
