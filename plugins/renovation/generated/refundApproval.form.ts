/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/refundApproval.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface RefundApprovalData {
  managerSignature: string;
  refundNote?: string;
}
