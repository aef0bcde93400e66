/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/vacantClose.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface VacantCloseData {
  closeReason: 'movedIn' | 'entrusted' | 'other';
  closeNote?: string;
}
