/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/parcel-desk/goodsPass.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface GoodsPassData {
  applicantName: string;
  applicantPhone: string;
  relation: 'owner' | 'tenant' | 'agent';
  purpose: 'moveOut' | 'renovation' | 'repair' | 'other';
  /**
   * @minItems 1
   * @maxItems 50
   */
  goods: [
    {
      name: string;
      quantity: number;
      note?: string;
    },
    ...{
      name: string;
      quantity: number;
      note?: string;
    }[]
  ];
  vehiclePlate?: string;
  plannedAt: string;
}
