/**
 * The monthly report as an .xlsx workbook (exceljs): one sheet per section, Chinese headers and
 * labels, counts as numbers and rates as numbers formatted as percentages — the same figures as
 * GET /api/reports/monthly (and, on 短信与微信, GET /api/reports/monthly/messages).
 */
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { CaseTypeReport, FieldBreakdown, MonthlyReport, TargetFigures } from './monthly-report.js';
import type { MonthlyMessageCounts } from '../notifications/outbox/monthly-message-counts.js';
import type { Text } from '../../schemas/generated/plugin.js';

const UNIT: Record<string, string> = { minutes: '分钟', hours: '小时', days: '天', workingDays: '个工作日' };
const METHOD: Record<string, string> = { phone: '电话', onSite: '上门', any: '电话或上门' };

/** "3 天", "次月10日前" */
export function durationText(d: { amount: number; unit: string }): string {
  if (d.unit === 'dayOfNextMonth') return `次月${d.amount}日前`;
  return `${d.amount} ${UNIT[d.unit] ?? d.unit}`;
}

export const methodText = (m: string) => METHOD[m] ?? m;

/** 达标 / 未达标 — or, when no follow-up has come due yet, why it is not judged. */
export function verdict(f: { due: number; met: boolean | null }): string {
  if (f.met === null) return f.due === 0 ? '无应回访' : '尚未到期';
  return f.met ? '达标' : '未达标';
}

/** A share string ("0.8333") as a number for a percent cell; null stays empty. */
const rate = (s: string | null) => (s === null ? null : Number(s));

export const SHEETS = {
  overview: '概况',
  states: '按状态',
  fields: '按分类',
  severity: '按严重程度',
  projects: '按项目',
  deadlines: '办理时限',
  followUps: '回访',
  spotChecks: '管理人员抽查',
  causes: '不满意原因',
  comments: '不满意意见',
  targets: '目标达成',
  messages: '短信与微信',
} as const;

/** Delivery results in the order and words of the household archive's message log. */
export const MESSAGE_STATUSES: readonly (readonly [string, string])[] = [
  ['sent', '已发送'], ['failed', '失败'], ['queued', '待发送'], ['deferred', '延后'], ['suppressed', '未发送'],
];

/** The month's messages to residents and the titles of the messages in force (a message is named by its title, never its code). */
export interface WorkbookMessages {
  counts: MonthlyMessageCounts;
  titles: ReadonlyMap<string, Text>;
}

function addSheet(wb: ExcelJS.Workbook, name: string, headers: string[], rows: (string | number | boolean | null)[][], percentColumns: number[] = []) {
  const ws = wb.addWorksheet(name);
  ws.addRow(headers).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  headers.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(10, Math.min(40, h.length * 2 + 4));
    if (percentColumns.includes(i + 1)) col.numFmt = '0.00%';
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return ws;
}

const fieldRows = (t: CaseTypeReport, breakdowns: FieldBreakdown[], extra: string[] = []) =>
  breakdowns.flatMap((f) => f.items.map((b) => [t.title['zh-CN'], ...extra, f.label['zh-CN'], b.label['zh-CN'], b.count]));

/** What a target counts, in words: "客服经理、总物业经理 · 全部回访" / "投诉 · 上门回访占比". */
export function targetScope(t: TargetFigures): string {
  const types = t.caseTypes ? t.caseTypes.map((c) => c.title['zh-CN']).join('、') : '全部类型';
  if (t.kind === 'onSiteShare') return `${types} · 上门回访 ÷ 已回访（按到期时间）`;
  return `${t.roles.map((r) => r.title['zh-CN']).join('、')} · ${types}${t.kind === 'spotChecks' ? '抽查回访' : '回访'}（按完成时间，每人）`;
}

export async function monthlyWorkbook(report: MonthlyReport, projectName: string | null, messages?: WorkbookMessages): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Wuye';
  wb.created = new Date(report.generatedAt);
  const types = report.caseTypes;
  const title = `${report.month} 月度统计${projectName ? ` — ${projectName}` : ''}`;

  const overview = addSheet(wb, SHEETS.overview, ['类型', '登记数', '已结案', '未结案', '逾期', '时限达标率', '应回访', '已回访', '回访率', '要求回访率', '满意率', '上门回访占比'],
    types.map((t) => [
      t.title['zh-CN'], t.cases.total, t.cases.closed, t.cases.open, t.cases.overdue, rate(t.deadlines.complianceRate),
      t.followUps?.due ?? null, t.followUps?.done ?? null, rate(t.followUps?.rate ?? null), t.followUps?.requiredRate ?? null,
      rate(t.followUps?.satisfactionRate ?? null), rate(t.followUps?.onSiteShare ?? null),
    ]), [6, 9, 10, 11, 12]);
  overview.addRow([]);
  overview.addRow([title]);
  overview.addRow([`统计口径：事项按登记时间计入当月；办理时限与回访按到期时间计入当月（${report.timezone}）。`]);

  addSheet(wb, SHEETS.states, ['类型', '状态', '数量'], types.flatMap((t) => t.byState.map((b) => [t.title['zh-CN'], b.label['zh-CN'], b.count])));
  addSheet(wb, SHEETS.fields, ['类型', '统计项', '取值', '数量'], types.flatMap((t) => fieldRows(t, t.fields)));
  addSheet(wb, SHEETS.severity, ['类型', '严重程度', '数量'], types.flatMap((t) => (t.bySeverity ? t.bySeverity.items.map((b) => [t.title['zh-CN'], b.label['zh-CN'], b.count]) : [])));
  addSheet(wb, SHEETS.projects, ['类型', '项目', '数量'], types.flatMap((t) => t.byProject.map((p) => [t.title['zh-CN'], p.name, p.count])));
  addSheet(wb, SHEETS.deadlines, ['类型', '时限', '当月到期', '按时完成', '超时完成', '逾期未完成', '进行中', '达标率'],
    types.flatMap((t) => t.deadlines.clocks.map((c) => [t.title['zh-CN'], c.title['zh-CN'], c.total, c.metOnTime, c.metLate, c.overdueOpen, c.running, rate(c.complianceRate)])), [8]);
  addSheet(wb, SHEETS.followUps, ['类型', '回访时限', '回访方式', '应回访', '未到期', '已回访', '按时回访', '超时回访', '未回访', '逾期未回访', '满意', '不满意', '上门回访', '回访率', '要求回访率', '是否达标', '满意率', '上门回访占比', '管理人员抽查'],
    types.flatMap((t) => (t.followUps ? [[
      t.title['zh-CN'], durationText(t.followUps.policy.deadline), methodText(t.followUps.policy.method), t.followUps.due, t.followUps.notYetDue, t.followUps.done, t.followUps.doneOnTime, t.followUps.doneLate,
      t.followUps.open, t.followUps.overdueOpen, t.followUps.satisfied, t.followUps.unsatisfied, t.followUps.onSite, rate(t.followUps.rate), t.followUps.requiredRate,
      verdict(t.followUps), rate(t.followUps.satisfactionRate), rate(t.followUps.onSiteShare), t.followUps.spotChecks,
    ]] : [])), [14, 15, 17, 18]);
  addSheet(wb, SHEETS.spotChecks, ['类型', '员工', '岗位', '抽查回访数'],
    types.flatMap((t) => (t.followUps?.spotChecksByStaff ?? []).map((s) => [t.title['zh-CN'], s.name, s.roles.join('、'), s.count])));
  addSheet(wb, SHEETS.causes, ['类型', '依据', '统计项', '取值', '不满意数'],
    types.flatMap((t) => (t.dissatisfaction ? [...fieldRows(t, t.dissatisfaction.byCaseField, ['事项']), ...fieldRows(t, t.dissatisfaction.byResultField, ['回访记录'])] : [])));
  addSheet(wb, SHEETS.comments, ['类型', '单号', '回访时间', '住户意见'],
    types.flatMap((t) => (t.dissatisfaction?.items ?? []).map((i) => [t.title['zh-CN'], i.serial, DateTime.fromISO(i.doneAt).setZone(report.timezone).toFormat('yyyy-MM-dd HH:mm'), i.texts.map((x) => `${x.label['zh-CN']}：${x.value}`).join('；')])));

  // 目标达成: each target per person (counts) or per case type (on-site share), actual against the target
  const targets = addSheet(wb, SHEETS.targets, ['目标', '统计范围', '对象', '实际', '目标值', '是否达标', '依据'],
    (report.targets ?? []).flatMap((t) => t.rows.map((r) => [
      t.title['zh-CN'], targetScope(t), r.name ?? r.caseTypeTitle?.['zh-CN'] ?? '',
      typeof r.actual === 'string' ? Number(r.actual) : r.actual, t.min, r.met === null ? '无已回访' : r.met ? '达标' : '未达标', t.source ?? '',
    ])));
  // a share's actual and target print as percentages, a count's as whole numbers
  let row = 2;
  for (const t of report.targets ?? []) {
    for (const _ of t.rows) {
      if (t.kind === 'onSiteShare') for (const c of [4, 5]) targets.getRow(row).getCell(c).numFmt = '0.00%';
      row++;
    }
  }

  if (messages) messagesSheet(wb, messages, projectName);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 短信与微信: one row per message by its title, a column per delivery result, and the month's totals. */
function messagesSheet(wb: ExcelJS.Workbook, { counts, titles }: WorkbookMessages, projectName: string | null): void {
  const line = (c: Record<string, number>) => {
    const figures = MESSAGE_STATUSES.map(([status]) => c[status] ?? 0);
    return [...figures, figures.reduce((a, b) => a + b, 0)];
  };
  // a message no longer in force (a template the company removed) still counts, without its code
  const rows = counts.templates.map((t) => [titles.get(t.template)?.['zh-CN'] ?? '（已停用的消息）', ...line(t.counts)]);
  const ws = addSheet(wb, SHEETS.messages, ['消息', ...MESSAGE_STATUSES.map(([, word]) => word), '合计'], rows);
  ws.getColumn(1).width = 24;
  ws.addRow(['合计', ...line(counts.totals)]).font = { bold: true };
  ws.addRow([]);
  ws.addRow([`统计口径：当月（公司时区）排入发送的住户短信与微信，按发送结果${projectName ? '；全公司合计，不分项目' : ''}。`]);
}
