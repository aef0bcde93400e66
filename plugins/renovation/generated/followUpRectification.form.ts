/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/followUpRectification.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface FollowUpRectificationData {
  followUpRectificationNote: string;
}
