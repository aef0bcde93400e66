/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/paid-services/damageSettlement.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface DamageSettlementData {
  compensationAmount: string;
  compensationAgreement: string;
  customerAcceptedCompensation: true;
}
