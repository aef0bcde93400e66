/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/service-desk/cancellation.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface CancellationData {
  cancelReason: 'duplicate' | 'withdrawn' | 'mistake';
  cancelNote?: string;
}
