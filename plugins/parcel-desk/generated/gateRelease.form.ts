/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/parcel-desk/gateRelease.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface GateReleaseData {
  goodsVerified: true;
  releasedAt: string;
  gate?: string;
  releaseNote?: string;
}
