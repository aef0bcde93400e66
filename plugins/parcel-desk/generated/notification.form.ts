/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/parcel-desk/notification.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface NotificationData {
  notifyMethod: 'phone' | 'sms' | 'notice' | 'visit';
  notifiedAt: string;
  notifyNote?: string;
}
