/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/complaints/classification.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface ClassificationData {
  nature: 'valid' | 'invalid' | 'major' | 'pending';
  severity: 'minor' | 'important' | 'major';
  category:
    | 'serviceAttitude'
    | 'repair'
    | 'facilities'
    | 'houseQuality'
    | 'security'
    | 'parking'
    | 'noise'
    | 'cleaning'
    | 'greening'
    | 'fees'
    | 'renovation'
    | 'other';
  department?: 'customerService' | 'engineering' | 'security' | 'cleaning' | 'finance' | 'hrAdmin' | 'developer';
  classificationNote?: string;
  collective?: boolean;
  complainantCount?: number;
}
