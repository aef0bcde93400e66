/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/duty-desk/dutyShift.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface DutyShiftData {
  shiftDate: string;
  shift: 'morning' | 'middle' | 'evening' | 'night';
  dutyStaffName: string;
  post?: string;
}
