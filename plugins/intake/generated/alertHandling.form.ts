/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/alertHandling.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface AlertHandlingData {
  cause: string;
  actionTaken: string;
  ownerNotified: true;
}
