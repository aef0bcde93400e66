/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/paid-services/cancellation.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface CancellationData {
  cancelReason: 'customerCancelled' | 'duplicate' | 'cannotServe' | 'enteredByMistake' | 'other';
  cancelNote: string;
}
