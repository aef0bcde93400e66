/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/community-events/surveyWithdrawal.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface SurveyWithdrawalData {
  withdrawalReason: string;
}
