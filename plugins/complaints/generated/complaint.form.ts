/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/complaints/complaint.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface ComplaintData {
  channel: 'phone' | 'visit' | 'letter' | 'online' | 'other';
  channelOther?: string;
  complainantName: string;
  contactPhone?: string;
  occurredAt?: string;
  place?: string;
  content: string;
  subject?: string;
  request?: string;
  requestedBy?: string;
  ongoingDamage?: boolean;
  collective?: boolean;
  witnesses?: string;
  /**
   * @maxItems 10
   */
  evidence?:
    | []
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string];
}
