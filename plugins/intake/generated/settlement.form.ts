/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/settlement.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface SettlementData {
  settledAt: string;
  depositNote?: string;
  settlementNote?: string;
}
