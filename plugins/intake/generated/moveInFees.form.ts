/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/moveInFees.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface MoveInFeesData {
  /**
   * @maxItems 60
   */
  feeItems?: {
    title: string;
    period?: string;
    amount: string;
  }[];
  feeTotal?: string;
  paymentMethod: 'cash' | 'transfer' | 'pos' | 'online';
  paymentReference?: string;
  feeNote?: string;
  /**
   * @maxItems 30
   */
  moveInFeeItems?: {
    title: string;
    amount: string;
  }[];
  dueNow?: {
    asOf?: string;
    handoverOn?: string;
    /**
     * @maxItems 60
     */
    items?: {
      title: string;
      period?: string;
      amount: string;
    }[];
    total?: string;
    developer?: string;
  };
  feeReceipt?: {
    paymentId?: number;
    receiptNo?: string;
    receivedOn?: string;
    amount?: string;
    amountInWords?: string;
    method?: string;
    payerName?: string;
    cashierName?: string;
    /**
     * @maxItems 60
     */
    lines?: {
      title: string;
      period?: string;
      amount: string;
    }[];
    /**
     * @maxItems 5
     */
    copies?:
      | []
      | [string]
      | [string, string]
      | [string, string, string]
      | [string, string, string, string]
      | [string, string, string, string, string];
  };
}
