/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/permitIssue.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface PermitIssueData {
  worksStartOn: string;
  permitPosted: boolean;
  protectionChecked: boolean;
}
