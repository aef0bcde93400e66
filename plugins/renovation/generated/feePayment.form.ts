/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/feePayment.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface FeePaymentData {
  paymentMethod: 'cash' | 'transfer' | 'pos' | 'online';
  receiptNo?: string;
}
