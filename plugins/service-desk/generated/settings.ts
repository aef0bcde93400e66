/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/service-desk/plugin.json (config.schema)
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export type ServiceDeskSettings = {
  kinds: {
    [k: string]: {
      title: {
        'zh-CN': string;
        en?: string;
      };
      active: boolean;
    };
  };
  channels: {
    [k: string]: {
      title: {
        'zh-CN': string;
        en?: string;
      };
      active: boolean;
    };
  };
};
