/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/reinspection.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface ReinspectionData {
  reinspectedAt: string;
  passed: boolean;
  reinspectionNote?: string;
  /**
   * @minItems 1
   * @maxItems 100
   */
  newDefects?: [
    {
      item:
        | 'entranceDoor'
        | 'intercom'
        | 'walls'
        | 'ceilingFloorLeaks'
        | 'floors'
        | 'windowsGlass'
        | 'electrical'
        | 'kitchenPlumbing'
        | 'bathroomPlumbing'
        | 'balcony'
        | 'meters'
        | 'gasMeter'
        | 'occupation'
        | 'cleanliness';
      result: 'ok' | 'defect';
      defect?: string;
      photo?: string;
      area?: 'entrance' | 'livingRoom' | 'bedroom' | 'kitchen' | 'bathroom' | 'balcony' | 'utilities' | 'wholeUnit';
      repairCategory?:
        'safety' | 'leak' | 'electrical' | 'plumbing' | 'doorsWindows' | 'walls' | 'publicFacilities' | 'other';
      repairSerial?: string;
    },
    ...{
      item:
        | 'entranceDoor'
        | 'intercom'
        | 'walls'
        | 'ceilingFloorLeaks'
        | 'floors'
        | 'windowsGlass'
        | 'electrical'
        | 'kitchenPlumbing'
        | 'bathroomPlumbing'
        | 'balcony'
        | 'meters'
        | 'gasMeter'
        | 'occupation'
        | 'cleanliness';
      result: 'ok' | 'defect';
      defect?: string;
      photo?: string;
      area?: 'entrance' | 'livingRoom' | 'bedroom' | 'kitchen' | 'bathroom' | 'balcony' | 'utilities' | 'wholeUnit';
      repairCategory?:
        'safety' | 'leak' | 'electrical' | 'plumbing' | 'doorsWindows' | 'walls' | 'publicFacilities' | 'other';
      repairSerial?: string;
    }[]
  ];
}
