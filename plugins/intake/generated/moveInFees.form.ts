/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/moveInFees.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface MoveInFeesData {
  /**
   * @maxItems 30
   */
  feeItems?: {
    code: string;
    title: string;
    titleEn?: string;
    amount: string;
  }[];
  feeTotal?: string;
  feeNote?: string;
}
