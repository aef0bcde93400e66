/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/complaints/reply.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface ReplyData {
  replyMethod: 'phone' | 'visit' | 'letter' | 'sms';
  replyContent: string;
  repliedAt?: string;
}
