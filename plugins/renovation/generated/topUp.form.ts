/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/topUp.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface TopUpData {
  topUpAmount: string;
  paymentMethod: 'cash' | 'transfer' | 'pos' | 'online';
}
