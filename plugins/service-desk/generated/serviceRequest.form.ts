/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/service-desk/serviceRequest.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface ServiceRequestData {
  channel: string;
  kind: string;
  customerName: string;
  contactPhone?: string;
  content: string;
  place?: string;
  appointmentAt?: string;
  receiverName?: string;
}
