/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/community-events/eventFollowUp.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface EventFollowUpData {
  method: 'phone' | 'onSite';
  satisfaction: 'verySatisfied' | 'satisfied' | 'neutral' | 'unsatisfied';
  opinion?: string;
  suggestions?: string;
  satisfied: boolean;
  recordedBy?: string;
}
