/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/paid-services/serviceOrder.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface ServiceOrderData {
  channel: 'phone' | 'visit' | 'letter' | 'online' | 'other';
  customerName: string;
  contactPhone: string;
  serviceItem: string;
  appointmentAt: string;
  description: string;
}
