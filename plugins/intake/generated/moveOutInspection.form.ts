/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/moveOutInspection.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface MoveOutInspectionData {
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
  waterReading: string;
  electricityReading: string;
  gasReading?: string;
  powerAndAcOff: true;
  fireFacilitiesOk?: boolean;
  renovation: 'restored' | 'keptByAgreement' | 'notRestored';
  /**
   * @maxItems 30
   */
  damages?: {
    location: string;
    description: string;
    amount: string;
  }[];
  damageTotal?: string;
}
