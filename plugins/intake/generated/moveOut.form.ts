/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/moveOut.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface MoveOutData {
  applicantKind: 'owner' | 'tenant' | 'leasingDept';
  applicantName: string;
  contactPhone: string;
  plannedMoveOutDate: string;
  newContactPhone?: string;
  newAddress: string;
  /**
   * @minItems 0
   * @maxItems 30
   */
  keysIssued?: {
    item:
      | 'unitKey'
      | 'accessCard'
      | 'electricityCard'
      | 'waterCard'
      | 'gasCard'
      | 'mailboxKey'
      | 'parkingCard'
      | 'handbook';
    count: number;
    note?: string;
  }[];
  reason?: string;
}
