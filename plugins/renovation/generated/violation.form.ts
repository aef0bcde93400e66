/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/renovation/violation.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface ViolationData {
  violationCode:
    | 'structural'
    | 'nonCompliant'
    | 'hiddenWorksCovered'
    | 'advertising'
    | 'debrisNotBagged'
    | 'throwingFromHeight'
    | 'publicDamage'
    | 'theft'
    | 'conflict'
    | 'hotWorkWithoutPermit'
    | 'outsideHours';
  observedAt: string;
  violationDescription: string;
  violationPhoto: string;
  actionTaken: 'persuaded' | 'stopped' | 'restoreOrdered' | 'toolsHeld' | 'workersBarred' | 'reported';
}
