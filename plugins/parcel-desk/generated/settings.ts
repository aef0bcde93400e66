/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/parcel-desk/plugin.json (config.schema)
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface ParcelDeskSettings {
  /**
   * @maxItems 30
   */
  refusedCategories: string[];
  /**
   * @maxItems 3
   */
  authorisationRequiredFor:
    | []
    | ['owner' | 'tenant' | 'agent']
    | ['owner' | 'tenant' | 'agent', 'owner' | 'tenant' | 'agent']
    | ['owner' | 'tenant' | 'agent', 'owner' | 'tenant' | 'agent', 'owner' | 'tenant' | 'agent'];
}
