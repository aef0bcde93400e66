/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/community-events/signUpCancellation.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface SignUpCancellationData {
  cancelNo: number;
  cancelReason: string;
}
