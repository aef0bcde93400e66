/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/parcel-desk/passRejection.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface PassRejectionData {
  rejectionReason: 'noAuthorisation' | 'arrears' | 'goodsMismatch' | 'other';
  rejectionNote: string;
}
