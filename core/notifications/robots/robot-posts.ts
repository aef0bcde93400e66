/**
 * What a project's WeCom group robot posts: the project's overdue and escalated items, read by the
 * staff-notification fan-out from the overdue job's events. One row per (robot, event), inserted
 * with "on conflict do nothing": a rerun, an overlapping run or a second instance queues nothing
 * twice. The delivery job (deliver-robot-posts.ts) sends them. The words are the company's (its
 * case type, clock and role titles), in Chinese: the group is the project's staff.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Project, WecomRobot, WecomRobotPost, type CaseEvent, type WorkCase } from '../../db/entities/index.js';
import type { RecipientDirectory } from '../staff/recipients.js';

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const zh = (t: unknown): string => (t && typeof t === 'object' && typeof (t as Record<string, unknown>)['zh-CN'] === 'string' ? (t as Record<string, string>)['zh-CN']! : '');

export async function queueRobotPosts(em: EntityManager, events: CaseEvent[], cases: Map<number, WorkCase>, who: RecipientDirectory, at: Date): Promise<number> {
  const overdue = events.filter((e) => e.type === 'overdue' && cases.get(e.caseId)?.companyId === e.companyId);
  if (overdue.length === 0) return 0;
  const projectIds = [...new Set(overdue.map((e) => cases.get(e.caseId)!.projectId))];
  const robots = await em.find(WecomRobot, { projectId: { $in: projectIds } }, { fields: ['id', 'companyId', 'projectId'] });
  if (robots.length === 0) return 0;
  const robotOf = new Map(robots.map((r) => [`${r.companyId}:${r.projectId}`, r]));
  const projects = new Map((await em.find(Project, { id: { $in: robots.map((r) => r.projectId) } }, { fields: ['id', 'companyId', 'name'] })).map((p) => [p.id, p]));
  const rows = [];
  for (const ev of overdue) {
    const row = cases.get(ev.caseId)!;
    const robot = robotOf.get(`${row.companyId}:${row.projectId}`);
    if (!robot) continue;
    rows.push({
      companyId: row.companyId, projectId: row.projectId, robotId: robot.id, source: `event:${ev.id}`, caseId: row.id,
      text: await postText(ev, row, who, projects.get(row.projectId)?.companyId === row.companyId ? projects.get(row.projectId)!.name : ''),
      status: 'queued' as const, attempts: 0, nextAttemptAt: at, claimedUntil: null, claimToken: null, error: null, createdAt: at, sentAt: null,
    });
  }
  if (rows.length === 0) return 0;
  const res = await (em as SqlEntityManager).createQueryBuilder(WecomRobotPost).insert(rows).onConflict(['robotId', 'source']).ignore().execute('run');
  return Number((res as { affectedRows?: number }).affectedRows ?? 0);
}

/** 【升级】翠湖花园 投诉 TS-2026-000001 电梯异响：转交时限已过，由客服主管升级至客服经理。 */
async function postText(ev: CaseEvent, row: WorkCase, who: RecipientDirectory, projectName: string): Promise<string> {
  const config = await who.compiled(row.companyId);
  const caseType = zh(config.caseTypes.get(row.caseType)?.workflow.title) || '事项';
  const deadline = zh(await who.deadlineTitle(row.companyId, row.caseType, str(ev.data.deadline))) || '时限';
  const role = (r: string | null) => (r ? zh(config.roles.get(r)?.title) || r : '');
  const from = str(ev.data.escalatedFrom);
  const to = str(ev.data.escalatedTo);
  const head = `${projectName} ${caseType} ${row.serial}${row.title ? ` ${row.title}` : ''}`.trim();
  if (to && to !== from) return `【升级】${head}：${deadline}已超过时限，由${role(from) || '原经办'}升级至${role(to)}。`;
  return `【逾期】${head}：${deadline}已超过时限。`;
}
