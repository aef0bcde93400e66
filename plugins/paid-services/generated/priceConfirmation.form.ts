/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/paid-services/priceConfirmation.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface PriceConfirmationData {
  serviceItem: string;
  quantity: number;
  findings?: string;
  materialsSource: 'warehouse' | 'customer' | 'none';
  materials?: string;
  ownerMaterialsOk?: boolean;
  materialsCost: string;
  unitPrice?: string;
  priceUnit?: string;
  servicePrice?: string;
  amount?: string;
  /**
   * @maxItems 30
   */
  checklist?: string[];
  expectedDays?: number;
  customerAgreed: true;
}
