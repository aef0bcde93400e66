/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/complaints/answer.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface AnswerData {
  answerContent: string;
  promisedAt?: string;
  answerMethod: 'phone' | 'visit' | 'letter' | 'sms';
}
