/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/service-desk/handling.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface HandlingData {
  handlingResult: string;
  handledAt: string;
}
