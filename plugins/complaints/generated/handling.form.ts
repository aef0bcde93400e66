/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/complaints/handling.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface HandlingData {
  cause: string;
  correctiveAction: string;
  handledBy: string;
  handledAt?: string;
  compensation?: string;
  /**
   * @maxItems 10
   */
  handlingAttachments?:
    | []
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string];
}
