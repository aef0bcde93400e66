/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/paid-services/dispatch.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface DispatchData {
  technicianId?: number;
  confirmedAppointmentAt?: string;
  dispatchNote?: string;
}
