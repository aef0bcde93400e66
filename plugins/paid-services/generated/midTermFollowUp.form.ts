/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/paid-services/midTermFollowUp.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface MidTermFollowUpData {
  midTermFollowUpAt: string;
  midTermMethod: 'phone' | 'onSite';
  midTermSatisfied: boolean;
  midTermNote: string;
}
