/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/paid-services/onSiteCheck.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface OnSiteCheckData {
  findings: string;
  materialsSource: 'warehouse' | 'customer' | 'none';
  materials?: string;
  ownerMaterialsOk?: boolean;
}
