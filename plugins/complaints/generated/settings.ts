/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/complaints/plugin.json (config.schema)
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export type ComplaintsSettings = {
  writtenReplyToLetters: boolean;
  serviceComplaintsDepartment: 'hrAdmin' | 'customerService';
};
