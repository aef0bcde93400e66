/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/moveIn.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface MoveInData {
  purchaserKind: 'owner' | 'agent' | 'company';
  ownerName: string;
  contactPhone: string;
  companyContact?: string;
  agentName?: string;
  agentPhone?: string;
  moveInNotice: string;
  purchaseContract: string;
  ownerIdCopy: string;
  agentIdCopy?: string;
  powerOfAttorney?: string;
  companyCertificate?: string;
  appointmentAt?: string;
  note?: string;
}
