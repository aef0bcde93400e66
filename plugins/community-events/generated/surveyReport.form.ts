/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/community-events/surveyReport.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface SurveyReportData {
  reportText: string;
  reportFile?: string;
}
