/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/vacantInspection.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface VacantInspectionData {
  inspectedAt: string;
  inspectors: string;
  /**
   * @minItems 1
   * @maxItems 100
   */
  inspectionItems: [
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
    }[]
  ];
  cleaningArranged?: boolean;
  noticeTo?: 'engineering' | 'cleaning' | 'security' | 'owner';
  rectifyBy?: string;
}
