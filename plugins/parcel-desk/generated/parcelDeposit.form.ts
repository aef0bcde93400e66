/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/parcel-desk/parcelDeposit.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface ParcelDepositData {
  depositorType: 'courier' | 'resident' | 'visitor' | 'finder' | 'other';
  depositorName: string;
  depositorPhone?: string;
  recipientName: string;
  recipientPhone?: string;
  itemDescription: string;
  itemCount: number;
}
