/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/completionInspection.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface CompletionInspectionData {
  completionResult: 'pass' | 'fail';
  completionFindings: string;
  damageAmount?: string;
  damageDescription?: string;
  ciOwnerSignature?: string;
  ciContractorSignature?: string;
  ciServiceSignature?: string;
  ciEngineeringSignature?: string;
  ciSecuritySignature?: string;
}
