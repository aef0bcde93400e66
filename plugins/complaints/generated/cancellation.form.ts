/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/complaints/cancellation.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface CancellationData {
  cancelReason: 'duplicate' | 'withdrawn' | 'notComplaint' | 'enteredByMistake';
  cancelNote: string;
}
