/** The notify effect's parameters: shared by the effect and its load-time check (which must stay light: it runs in the config-check worker). */
export const NOTIFY_TARGETS = ['resident', 'households'] as const;
export const NOTIFY_CHANNELS = ['sms', 'wechat'] as const;

export interface NotifyParams {
  to: (typeof NOTIFY_TARGETS)[number];
  template: string;
  channel?: (typeof NOTIFY_CHANNELS)[number];
  urgent?: boolean;
  buildingField?: string;
}
