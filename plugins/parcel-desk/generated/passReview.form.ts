/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/parcel-desk/passReview.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface PassReviewData {
  identityChecked: true;
  authorisation: 'ownerInPerson' | 'signedLetter' | 'ownerSignature' | 'phoneConfirmation' | 'none';
  authorisationLetter?: string;
  ownerSignature?: string;
  ownerName?: string;
  ownerPhone?: string;
  confirmedAt?: string;
  reviewNote?: string;
}
