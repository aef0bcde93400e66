/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/moveOutPass.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface MoveOutPassData {
  /**
   * @minItems 1
   * @maxItems 50
   */
  passItems: [
    {
      description: string;
      quantity: number;
    },
    ...{
      description: string;
      quantity: number;
    }[]
  ];
  vehiclePlate?: string;
  moveOutAt: string;
  passSignature: string;
}
