/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/hotWorkPermit.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface HotWorkPermitData {
  hotWorkType: 'welding' | 'cutting' | 'other';
  hotWorkLocation: string;
  hotWorkFrom: string;
  hotWorkTo: string;
  hotWorkOperator: string;
  fireWatcher: string;
  extinguishers: number;
  hotWorkApproverSignature: string;
}
