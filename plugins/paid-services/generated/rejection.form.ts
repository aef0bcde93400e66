/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/paid-services/rejection.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface RejectionData {
  rejectionReason: string;
  reworkCount?: number;
}
