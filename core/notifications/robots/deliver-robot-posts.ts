/**
 * Sends the queued WeCom robot posts (run with the core.messages delivery job). Each row is claimed
 * with one conditional UPDATE before it is sent, so two instances never post it twice; a refusal
 * or network error is retried after 1, 2, 4 minutes and marked failed after MAX_ATTEMPTS. A robot
 * that has posted ROBOT_MESSAGES_PER_MINUTE in the last minute waits for the next run (WeCom's
 * limit; two instances at the same moment may each take the last places, the limit's answer is
 * then a refusal retried later). The key is unsealed per run and never logged.
 */
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { WecomRobot, WecomRobotPost } from '../../db/entities/index.js';
import { unseal } from '../channels/secret-box.js';
import { postToRobot, ROBOT_MESSAGES_PER_MINUTE } from './wecom-webhook.js';

const CLAIM_MS = 2 * 60_000;
const BATCH = 50;
export const ROBOT_MAX_ATTEMPTS = 4;

export interface RobotRun { sent: number; retried: number; failed: number; waiting: number }

export async function deliverRobotPosts(orm: MikroORM, at: Date): Promise<RobotRun> {
  const em = orm.em.fork();
  const due = { status: 'queued' as const, nextAttemptAt: { $lte: at }, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: at } }] };
  const candidates = await em.find(WecomRobotPost, due, { orderBy: { id: 'asc' }, limit: BATCH, fields: ['id', 'robotId'] });
  const run: RobotRun = { sent: 0, retried: 0, failed: 0, waiting: 0 };
  const robots = new Map<number, Promise<{ endpoint: string | null; key: string } | { error: string }>>();
  const room = new Map<number, number>();
  for (const { id, robotId } of candidates) {
    if (!room.has(robotId)) {
      const lastMinute = await em.count(WecomRobotPost, { robotId, sentAt: { $gt: new Date(at.getTime() - 60_000) } });
      room.set(robotId, ROBOT_MESSAGES_PER_MINUTE - lastMinute);
    }
    if (room.get(robotId)! <= 0) { run.waiting++; continue; }
    const token = randomUUID();
    const claimed = await em.nativeUpdate(WecomRobotPost, { id, ...due }, { claimToken: token, claimedUntil: new Date(at.getTime() + CLAIM_MS) });
    if (claimed !== 1) continue;
    const post = await em.fork().findOneOrFail(WecomRobotPost, { id });
    if (!robots.has(robotId)) robots.set(robotId, openRobot(orm, robotId));
    const robot = await robots.get(robotId)!;
    const result = 'error' in robot ? { ok: false as const, error: robot.error } : await postToRobot(robot.endpoint, robot.key, post.text);
    const attempts = post.attempts + 1;
    if (result.ok) {
      await em.nativeUpdate(WecomRobotPost, { id, claimToken: token }, { status: 'sent', sentAt: at, attempts, error: null, claimToken: null, claimedUntil: null });
      room.set(robotId, room.get(robotId)! - 1);
      run.sent++;
      continue;
    }
    const giveUp = attempts >= ROBOT_MAX_ATTEMPTS;
    await em.nativeUpdate(WecomRobotPost, { id, claimToken: token }, {
      status: giveUp ? 'failed' : 'queued', attempts, error: result.error.slice(0, 500), claimToken: null, claimedUntil: null,
      nextAttemptAt: giveUp ? post.nextAttemptAt : new Date(at.getTime() + 60_000 * 2 ** (attempts - 1)),
    });
    if (giveUp) run.failed++;
    else run.retried++;
  }
  return run;
}

async function openRobot(orm: MikroORM, robotId: number): Promise<{ endpoint: string | null; key: string } | { error: string }> {
  const robot = await orm.em.fork().findOne(WecomRobot, { id: robotId });
  if (!robot) return { error: 'robot: removed' };
  try {
    const key = unseal(robot.sealedKey).key;
    return key ? { endpoint: robot.endpoint, key } : { error: 'robot: no key stored' };
  } catch (e) {
    return { error: `robot: key cannot be opened (${(e as Error).constructor.name}); check WUYE_SECRETS_KEY` };
  }
}
