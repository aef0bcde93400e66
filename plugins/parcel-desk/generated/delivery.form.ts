/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/parcel-desk/delivery.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface DeliveryData {
  collectedBy: 'recipient' | 'agent';
  receiverName: string;
  agentRelation?: string;
  itemsComplete: true;
  pickedUpAt: string;
  receiverSignature: string;
}
