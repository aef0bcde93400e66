/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/paid-services/repair.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface RepairData {
  channel: 'phone' | 'visit' | 'letter' | 'online' | 'other';
  customerName: string;
  contactPhone: string;
  area: 'inHome' | 'commonArea';
  location?: string;
  category: 'safety' | 'leak' | 'electrical' | 'plumbing' | 'doorsWindows' | 'walls' | 'publicFacilities' | 'other';
  content: string;
  appointmentAt: string;
  underWarranty?: boolean;
  charge?: 'free' | 'paid';
}
