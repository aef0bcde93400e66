/**
 * The month's messages to residents, counted by kind, by message (template) and by delivery
 * result, in the company's time zone: what GET /api/reports/monthly/messages answers and what the
 * monthly workbook's 短信与微信 sheet prints — one query, so the two never disagree.
 */
import { raw, type EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { DateTime } from 'luxon';
import { ConfigVersion, OutboxMessage } from '../../db/entities/index.js';
import type { CompiledConfig } from '../../config/compiled-config.js';
import type { ConfigDeclaration } from '../../../schemas/generated/config.js';
import type { Text } from '../../../schemas/generated/plugin.js';
import { messageTemplates } from './message-templates.js';
import { notificationSettings } from './notification-settings.js';

export type StatusCounts = Record<string, number>;

export interface MonthlyMessageCounts {
  month: string;
  totals: StatusCounts;
  items: { kind: string; counts: StatusCounts }[];
  templates: { template: string; counts: StatusCounts }[];
}

/** @param month YYYY-MM in `timezone` */
export async function monthlyMessageCounts(em: EntityManager, companyId: number, month: string, timezone: string): Promise<MonthlyMessageCounts> {
  const start = DateTime.fromISO(`${month}-01`, { zone: timezone });
  // grouped by message (template) too: the 统计 page names each row by its title, the kind alone is a code
  const rows: { kind: string; template: string; status: string; n: number | string }[] = await (em as SqlEntityManager).createQueryBuilder(OutboxMessage)
    .select(['kind', 'template', 'status', raw('count(*) as n')])
    .where({ companyId, createdAt: { $gte: start.toJSDate(), $lt: start.plus({ months: 1 }).toJSDate() } })
    .groupBy(['kind', 'template', 'status']).execute('all');
  const byKind = new Map<string, StatusCounts>();
  const byTemplate = new Map<string, StatusCounts>();
  const totals: StatusCounts = {};
  const add = (to: Map<string, StatusCounts>, key: string, status: string, n: number) => {
    const counts = to.get(key) ?? {};
    counts[status] = (counts[status] ?? 0) + n;
    to.set(key, counts);
  };
  for (const r of rows) {
    add(byKind, r.kind, r.status, Number(r.n));
    add(byTemplate, r.template, r.status, Number(r.n));
    totals[r.status] = (totals[r.status] ?? 0) + Number(r.n);
  }
  const sorted = (m: Map<string, StatusCounts>) => [...m].sort(([a], [b]) => a.localeCompare(b));
  return {
    month, totals,
    items: sorted(byKind).map(([kind, counts]) => ({ kind, counts })),
    templates: sorted(byTemplate).map(([template, counts]) => ({ template, counts })),
  };
}

/** The titles ({ zh-CN, en }) of the messages in force under a configuration: the plugins', then the company's own. */
export async function messageTitles(em: EntityManager, companyId: number, config: CompiledConfig): Promise<Map<string, Text>> {
  const version = await em.findOne(ConfigVersion, { id: config.versionId, companyId }, { fields: ['document'] });
  const settings = notificationSettings(version?.document as ConfigDeclaration | undefined);
  const all = messageTemplates([...config.bundles.values()], settings.templates);
  return new Map([...all].map(([id, m]) => [id, m.title]));
}
