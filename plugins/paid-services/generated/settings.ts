/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/paid-services/plugin.json (config.schema)
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export type PaidServicesSettings = {
  catalog: {
    [k: string]: {
      title: {
        'zh-CN': string;
        en?: string;
      };
      price: string;
      unit: string;
      category: 'electrical' | 'plumbing' | 'gas' | 'appliance' | 'installation' | 'housekeeping' | 'other';
      /**
       * @maxItems 30
       */
      checklist: string[];
      active: boolean;
    };
  };
  midTermFollowUpMinDays: number;
};
