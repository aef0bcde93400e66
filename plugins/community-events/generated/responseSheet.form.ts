/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/community-events/responseSheet.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface ResponseSheetData {
  surveyId: number;
  surveySerial: string;
  surveyYear: number;
  questionSheet: string;
}
