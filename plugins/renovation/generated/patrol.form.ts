/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/patrol.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface PatrolData {
  patrolDepartment: 'service' | 'engineering' | 'security';
  patrolResult: 'ok' | 'issues';
  patrolFindings?: string;
  patrolPhoto?: string;
}
