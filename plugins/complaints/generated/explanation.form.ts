/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/complaints/explanation.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface ExplanationData {
  explanation: string;
  explanationMethod: 'phone' | 'visit' | 'letter' | 'sms';
  residentAccepted?: boolean;
}
