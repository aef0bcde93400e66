/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/community-events/eventRecord.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface EventRecordData {
  /**
   * @minItems 1
   * @maxItems 30
   */
  photos: [string, ...string[]];
  video?: string;
  eventSummary: string;
  actualCost?: string;
}
