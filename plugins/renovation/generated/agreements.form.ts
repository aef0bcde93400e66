/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/agreements.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface AgreementsData {
  agreementSignature: string;
  pledgeSignature: string;
  fireSafetyPledgeSignature: string;
  handbookGiven: boolean;
}
