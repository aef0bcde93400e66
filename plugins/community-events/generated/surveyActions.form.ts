/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/community-events/surveyActions.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface SurveyActionsData {
  /**
   * @minItems 1
   * @maxItems 50
   */
  actions: [
    {
      department: 'engineering' | 'security' | 'environment' | 'clubhouse' | 'finance' | 'customerService';
      issue: string;
      measure: string;
      dueOn: string;
    },
    ...{
      department: 'engineering' | 'security' | 'environment' | 'clubhouse' | 'finance' | 'customerService';
      issue: string;
      measure: string;
      dueOn: string;
    }[]
  ];
  actionsNote?: string;
}
