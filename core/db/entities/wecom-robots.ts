/**
 * WeCom (企业微信) group robots, one per project, and what they are to post: the overdue and
 * escalated items of that project, one row per (robot, cause) so a rerun or a second instance
 * never posts twice. The webhook key is a credential (anyone holding it can post to the group):
 * stored sealed like the message channels' keys, never returned, logged or exported.
 */
import { EntitySchema } from '@mikro-orm/core';

export class WecomRobot {
  id!: number;
  companyId!: number;
  projectId!: number;
  /** the webhook key, sealed with AES-256-GCM (core/notifications/channels/secret-box.ts) */
  sealedKey!: string;
  /** the webhook's address without its key (default: the public API; tests point it at a local fake) */
  endpoint!: string | null;
  createdAt!: Date;
  updatedAt!: Date;
}
export const WecomRobotSchema = new EntitySchema<WecomRobot>({
  class: WecomRobot,
  tableName: 'wecom_robot',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    projectId: { type: 'integer' },
    sealedKey: { type: 'text' },
    endpoint: { type: 'string', length: 300, nullable: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
  uniques: [{ properties: ['companyId', 'projectId'] }],
});

export type RobotPostStatus = 'queued' | 'sent' | 'failed';

export class WecomRobotPost {
  id!: number;
  companyId!: number;
  projectId!: number;
  robotId!: number;
  /** the cause, as the staff notifications name it (event:42) — unique with the robot */
  source!: string;
  caseId!: number;
  /** the text posted (msgtype text) */
  text!: string;
  status!: RobotPostStatus;
  attempts!: number;
  nextAttemptAt!: Date;
  claimedUntil!: Date | null;
  claimToken!: string | null;
  /** the webhook's refusal (errcode and errmsg) or the network error; never the key */
  error!: string | null;
  createdAt!: Date;
  sentAt!: Date | null;
}
export const WecomRobotPostSchema = new EntitySchema<WecomRobotPost>({
  class: WecomRobotPost,
  tableName: 'wecom_robot_post',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    projectId: { type: 'integer' },
    robotId: { type: 'integer' },
    source: { type: 'string', length: 64 },
    caseId: { type: 'integer' },
    text: { type: 'text' },
    status: { type: 'string', length: 16 },
    attempts: { type: 'integer' },
    nextAttemptAt: { type: 'datetime' },
    claimedUntil: { type: 'datetime', nullable: true },
    claimToken: { type: 'string', length: 64, nullable: true },
    error: { type: 'string', length: 500, nullable: true },
    createdAt: { type: 'datetime' },
    sentAt: { type: 'datetime', nullable: true },
  },
  uniques: [{ properties: ['robotId', 'source'] }],
  indexes: [{ properties: ['status', 'nextAttemptAt'] }, { properties: ['robotId', 'sentAt'] }],
});
