export * from './registry.js';
export * from './configuration.js';
export * from './cases.js';
export * from './attachments.js';
export * from './audit.js';
export * from './config-draft.js';
export * from './login-throttle.js';
export * from './platform.js';
export * from './messages.js';
export * from './notifications.js';
export * from './wecom-robots.js';
import { CompanySchema, ProjectSchema, BuildingSchema, UnitSchema, PersonSchema, UnitPersonSchema, StaffSchema, StaffProjectSchema, SessionSchema,
  HouseholdMemberSchema, HouseholdVehicleSchema, HouseholdParkingSchema, HouseholdArchiveSchema, ArchiveChangeSchema, PersonalDataReadSchema } from './registry.js';
import { ConfigVersionSchema } from './configuration.js';
import { WorkCaseSchema, CaseEventSchema, CaseDeadlineSchema, FollowUpSchema, CounterSchema, CaseLinkSchema } from './cases.js';
import { AttachmentSchema } from './attachments.js';
import { AuditEntrySchema } from './audit.js';
import { ConfigDraftSchema } from './config-draft.js';
import { LoginThrottleSchema } from './login-throttle.js';
import { StaffNotificationSchema, StaffNotificationPrefsSchema, NotificationCursorSchema } from './notifications.js';
import { PlatformOperatorSchema, OperatorSessionSchema, PublicCalendarVersionSchema } from './platform.js';
import { OutboxMessageSchema, NotificationChannelSchema, ResidentMessagePreferenceSchema } from './messages.js';
import { WecomRobotSchema, WecomRobotPostSchema } from './wecom-robots.js';

export const ALL_ENTITIES = [
  CompanySchema, ProjectSchema, BuildingSchema, UnitSchema, PersonSchema, UnitPersonSchema, StaffSchema, StaffProjectSchema, SessionSchema,
  ConfigVersionSchema,
  WorkCaseSchema, CaseEventSchema, CaseDeadlineSchema, FollowUpSchema, CounterSchema, CaseLinkSchema,
  AttachmentSchema, AuditEntrySchema, ConfigDraftSchema, LoginThrottleSchema,
  PlatformOperatorSchema, OperatorSessionSchema, PublicCalendarVersionSchema,
  HouseholdMemberSchema, HouseholdVehicleSchema, HouseholdParkingSchema, HouseholdArchiveSchema, ArchiveChangeSchema, PersonalDataReadSchema,
  StaffNotificationSchema, StaffNotificationPrefsSchema, NotificationCursorSchema,
  OutboxMessageSchema, NotificationChannelSchema, ResidentMessagePreferenceSchema,
  WecomRobotSchema, WecomRobotPostSchema,
];
