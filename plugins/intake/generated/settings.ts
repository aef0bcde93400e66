/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/intake/plugin.json (config.schema)
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export type IntakeSettings = {
  /**
   * @maxItems 30
   */
  moveInFees: {
    code: string;
    title: {
      'zh-CN': string;
      en?: string;
    };
    amount: string;
  }[];
  inspectionItems: {
    [k: string]: {
      area: 'entrance' | 'livingRoom' | 'bedroom' | 'kitchen' | 'bathroom' | 'balcony' | 'utilities' | 'wholeUnit';
      title: {
        'zh-CN': string;
        en?: string;
      };
      /**
       * @maxItems 3
       */
      checks:
        | []
        | ['moveIn' | 'moveOut' | 'vacant']
        | ['moveIn' | 'moveOut' | 'vacant', 'moveIn' | 'moveOut' | 'vacant']
        | ['moveIn' | 'moveOut' | 'vacant', 'moveIn' | 'moveOut' | 'vacant', 'moveIn' | 'moveOut' | 'vacant'];
      repairCategory:
        'safety' | 'leak' | 'electrical' | 'plumbing' | 'doorsWindows' | 'walls' | 'publicFacilities' | 'other';
    };
  };
  defectsUnderWarranty: boolean;
  /**
   * @minItems 1
   * @maxItems 10
   */
  repairDoneStates:
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string];
  keyItems: {
    [k: string]: {
      title: {
        'zh-CN': string;
        en?: string;
      };
      returnOnMoveOut: boolean;
    };
  };
  entrustedWaterLimit: string;
  entrustedElectricityLimit: string;
  entrustedLimitBasis: 'entrustment' | 'sinceLastReading';
  openVacantRegisterOnMoveOut: boolean;
};
