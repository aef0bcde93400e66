/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/parcel-desk/checkIn.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface CheckInData {
  category:
    'parcel' | 'document' | 'keys' | 'clothing' | 'lostFound' | 'flammable' | 'cash' | 'valuables' | 'food' | 'other';
  itemFeatures?: string;
  declaredValue?: string;
  packagingIntact: boolean;
  remindedNoValuables: true;
  storageLocation: string;
}
