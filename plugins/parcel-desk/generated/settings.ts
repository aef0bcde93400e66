/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/parcel-desk/plugin.json (config.schema)
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export type ParcelDeskSettings = {
  /**
   * @maxItems 10
   */
  refusedCategories:
    | []
    | [
        | 'parcel'
        | 'document'
        | 'keys'
        | 'clothing'
        | 'lostFound'
        | 'flammable'
        | 'cash'
        | 'valuables'
        | 'food'
        | 'other'
      ]
    | [
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        )
      ]
    | [
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        )
      ]
    | [
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        )
      ]
    | [
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        )
      ]
    | [
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        )
      ]
    | [
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        )
      ]
    | [
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        )
      ]
    | [
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        )
      ]
    | [
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        ),
        (
          | 'parcel'
          | 'document'
          | 'keys'
          | 'clothing'
          | 'lostFound'
          | 'flammable'
          | 'cash'
          | 'valuables'
          | 'food'
          | 'other'
        )
      ];
  /**
   * @maxItems 3
   */
  authorisationRequiredFor:
    | []
    | ['owner' | 'tenant' | 'agent']
    | ['owner' | 'tenant' | 'agent', 'owner' | 'tenant' | 'agent']
    | ['owner' | 'tenant' | 'agent', 'owner' | 'tenant' | 'agent', 'owner' | 'tenant' | 'agent'];
};
