/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/service-desk/followUp.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface FollowUpData {
  method: 'phone' | 'onSite';
  satisfied: boolean;
  satisfaction: 'verySatisfied' | 'satisfied' | 'neutral' | 'unsatisfied';
  quality?: string;
  effect?: string;
  shortcomings?: string;
  suggestions?: string;
  residentSignature?: string;
  visitorNote?: string;
}
