/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/community-events/responseAnswers.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface ResponseAnswersData {
  respondentName?: string;
  /**
   * @minItems 1
   * @maxItems 50
   */
  answers: [
    {
      question: string;
      score: number;
    },
    ...{
      question: string;
      score: number;
    }[]
  ];
  opinions?: string;
  answerSummary?: string;
  returnedAt?: string;
}
