/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/service-desk/reply.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface ReplyData {
  replyContent: string;
  repliedAt: string;
  replyMethod: 'inPerson' | 'phone' | 'sms' | 'letter';
  needsFollowUp?: boolean;
}
