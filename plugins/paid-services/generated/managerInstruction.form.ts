/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/paid-services/managerInstruction.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface ManagerInstructionData {
  managerInstruction: string;
}
