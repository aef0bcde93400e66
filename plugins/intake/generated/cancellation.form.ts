/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/cancellation.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface CancellationData {
  cancelReason: 'documentsMissing' | 'rescheduled' | 'ownerWithdrew' | 'other';
  cancelNote: string;
}
