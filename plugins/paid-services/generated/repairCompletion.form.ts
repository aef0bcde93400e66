/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/paid-services/repairCompletion.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface RepairCompletionData {
  workScope?: 'minor' | 'project';
  workDone: string;
  completedAt: string;
  customerTested: true;
  customerSignature: string;
  customerComment?: string;
  leakTestHours?: number;
  leakTestPassed?: boolean;
}
