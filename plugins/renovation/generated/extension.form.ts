/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/extension.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface ExtensionData {
  extensionDays: number;
  extensionReason: string;
}
