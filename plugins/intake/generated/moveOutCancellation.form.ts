/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/moveOutCancellation.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface MoveOutCancellationData {
  cancelNote: string;
}
