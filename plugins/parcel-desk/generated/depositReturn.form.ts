/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/parcel-desk/depositReturn.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface DepositReturnData {
  returnReason: 'overdue' | 'recipientRefused' | 'recipientUnknown' | 'other';
  returnedTo: string;
  returnedAt: string;
  returnNote?: string;
  returnSignature: string;
}
