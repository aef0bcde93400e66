/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/community-events/plugin.json (config.schema)
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export type CommunityEventsSettings = {
  facilities: {
    [k: string]: {
      title: {
        'zh-CN': string;
        en?: string;
      };
      maxCapacity: number;
      active: boolean;
    };
  };
  noticeBoardDays: number;
  maxPartySize: number;
  survey: {
    /**
     * @minItems 1
     * @maxItems 50
     */
    questions: [
      {
        code: string;
        text: {
          'zh-CN': string;
          en?: string;
        };
        scale: 'score' | 'yesNo';
        active: boolean;
      },
      ...{
        code: string;
        text: {
          'zh-CN': string;
          en?: string;
        };
        scale: 'score' | 'yesNo';
        active: boolean;
      }[]
    ];
    satisfiedFrom: number;
    targetRate: number;
    skipVacantUnits: boolean;
  };
};
