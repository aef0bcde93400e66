/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/moveInInspection.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface MoveInInspectionData {
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
  waterReading: string;
  electricityReading: string;
  gasReading?: string;
  readingsConfirmed: true;
  repairAppointmentAt?: string;
  inspectionSignature: string;
  /**
   * @maxItems 200
   */
  defectRepairs?: {
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
    defect?: string;
    caseId: number;
    serial: string;
  }[];
}
