/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/withdrawal.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface WithdrawalData {
  withdrawReason: string;
}
