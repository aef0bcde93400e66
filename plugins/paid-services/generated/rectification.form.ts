/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/paid-services/rectification.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface RectificationData {
  rectificationDone: string;
  rectifiedAt?: string;
}
