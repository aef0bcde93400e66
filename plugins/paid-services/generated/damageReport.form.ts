/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/paid-services/damageReport.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface DamageReportData {
  damageDescription: string;
  estimatedLoss?: string;
  /**
   * @maxItems 10
   */
  damagePhotos?:
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
  damageReportedIn?: 'pickedUp' | 'inProgress' | 'rework' | 'escalated';
}
