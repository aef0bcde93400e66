/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/stopOrder.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface StopOrderData {
  stopReason: string;
}
