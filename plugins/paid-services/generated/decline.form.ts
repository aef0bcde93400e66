/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/paid-services/decline.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface DeclineData {
  declineReason: 'notInCatalog' | 'outsideScope' | 'itemSuspended' | 'notRepairable' | 'other';
  declineExplanation: string;
}
