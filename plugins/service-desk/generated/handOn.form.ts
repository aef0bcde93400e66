/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/service-desk/handOn.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface HandOnData {
  handlerRole:
    | 'engineering'
    | 'technician'
    | 'security'
    | 'finance'
    | 'hrAdmin'
    | 'assistant'
    | 'buildingConcierge'
    | 'supervisor'
    | 'manager';
  instruction: string;
  promisedAt?: string;
}
