/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/entrustedCheck.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface EntrustedCheckData {
  checkKind: 'weekly' | 'beforeRain' | 'afterRain';
  checkedAt: string;
  outdoorResult: 'ok' | 'problem';
  problemNote?: string;
  photo?: string;
  waterReading?: string;
  electricityReading?: string;
  waterUsed?: string;
  electricityUsed?: string;
}
