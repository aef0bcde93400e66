/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/moveOutConfirmation.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface MoveOutConfirmationData {
  releasedAt: string;
  goodsChecked: true;
  /**
   * @minItems 1
   * @maxItems 4
   */
  departmentsNotified:
    | ['engineering' | 'finance' | 'security' | 'leasing']
    | ['engineering' | 'finance' | 'security' | 'leasing', 'engineering' | 'finance' | 'security' | 'leasing']
    | [
        'engineering' | 'finance' | 'security' | 'leasing',
        'engineering' | 'finance' | 'security' | 'leasing',
        'engineering' | 'finance' | 'security' | 'leasing'
      ]
    | [
        'engineering' | 'finance' | 'security' | 'leasing',
        'engineering' | 'finance' | 'security' | 'leasing',
        'engineering' | 'finance' | 'security' | 'leasing',
        'engineering' | 'finance' | 'security' | 'leasing'
      ];
}
