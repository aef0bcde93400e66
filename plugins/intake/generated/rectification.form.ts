/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/rectification.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface RectificationData {
  rectifiedAt: string;
  rectificationDone: string;
  verifiedBy: string;
}
