/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/duty-desk/handover.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface HandoverData {
  /**
   * @maxItems 50
   */
  openItems?: {
    item: string;
    caseSerial?: string;
  }[];
  equipmentChecked: boolean;
  handoverNote?: string;
  outgoingSignature: string;
  incomingStaffName: string;
  incomingStaffId?: number;
  incomingSignature: string;
}
