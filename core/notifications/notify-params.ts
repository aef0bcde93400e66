/** The notify effect's parameters: shared by the effect and its load-time check (which must stay light: it runs in the config-check worker). */
export const NOTIFY_TARGETS = ['resident', 'households', 'assignee', 'role'] as const;
/** Targets that are staff: told in the app (a staff notification of kind "message"), never by SMS or WeChat. */
export const STAFF_NOTIFY_TARGETS: readonly string[] = ['assignee', 'role'];
export const NOTIFY_CHANNELS = ['sms', 'wechat'] as const;
export const NOTIFY_PARAMS = ['to', 'template', 'channel', 'urgent', 'buildingField', 'role'] as const;

export interface NotifyParams {
  to: (typeof NOTIFY_TARGETS)[number];
  template: string;
  channel?: (typeof NOTIFY_CHANNELS)[number];
  urgent?: boolean;
  buildingField?: string;
  /** to: "role" — a declared role; its staff who can see the case's project are told */
  role?: string;
}
