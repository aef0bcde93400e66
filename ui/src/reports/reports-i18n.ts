/** Strings of the statistics dashboard and the follow-up rates (zh-CN default, English), loaded with those pages only. */
import { getLanguage } from '../i18n.js';

const zh = {
  title: '统计',
  month: '月份',
  project: '项目',
  allProjects: '全部项目',
  export: '导出 Excel',
  loading: '加载中…',
  basis: '事项按登记时间计入当月；办理时限与回访按到期时间计入当月。管理人员抽查：由可查看全部项目的岗位（如客服经理、管理处主任、总物业经理）完成的回访。',
  registered: '登记',
  closed: '已结案',
  open: '未结案',
  overdue: '逾期',
  compliance: '时限达标率',
  followUpRate: '回访率',
  required: '要求',
  satisfaction: '满意率',
  onSiteShare: '上门占比',
  spotChecks: '管理人员抽查',
  byState: '按状态',
  bySeverity: '按严重程度',
  byProject: '按项目',
  deadlines: '办理时限',
  metOnTime: '按时完成',
  metLate: '超时完成',
  overdueOpen: '逾期未完成',
  running: '进行中',
  followUps: '回访',
  dissatisfaction: '不满意原因',
  noDissatisfaction: '本月没有不满意的回访。',
  residentWords: '住户意见',
  count: '数量',
  noCases: '本月没有此类事项。',
  rate: '收缴率',
  rates: '回访率（{month}）',
  colCaseType: '类型',
  colPolicy: '回访要求',
  colDue: '应回访',
  colDone: '已回访',
  colOnTime: '按时',
  colOpen: '未回访',
  colOverdueOpen: '逾期未回访',
  colSatisfied: '满意',
  colUnsatisfied: '不满意',
  colRate: '回访率',
  colRequired: '要求回访率',
  colSatisfaction: '满意率',
  colOnSite: '上门占比',
  colSpotChecks: '抽查',
  policyText: '{deadline} · {method} · {roles}',
  caseType: '类型',
  allCaseTypes: '全部类型',
  policyOf: '回访要求',
  bySeverityPolicy: '按{field}：{items}',
  severity: '严重程度',
  method_phone: '电话',
  method_onSite: '上门',
  method_any: '电话或上门',
  unit_minutes: '{n}分钟内',
  unit_hours: '{n}小时内',
  unit_days: '{n}天内',
  unit_workingDays: '{n}个工作日内',
  unit_dayOfNextMonth: '次月{n}日前',
  requiredRate: '回访率要求 {rate}',
  overview: '本月各类事项',
  state: '状态',
  emptyTypes: '本月没有数据：{types}',
  dueInMonth: '当月到期',
  notYetDue: '尚未到期',
  noneDue: '无应回访',
  colNotYetDue: '未到期',
};

type ReportKey = keyof typeof zh;

const en: Record<ReportKey, string> = {
  title: 'Statistics',
  month: 'Month',
  project: 'Project',
  allProjects: 'All projects',
  export: 'Export Excel',
  loading: 'Loading…',
  basis: 'Cases count in the month they were registered; deadlines and follow-ups in the month they fall due. Managers’ spot checks: follow-ups done by a role that sees all projects (manager, director, general manager).',
  registered: 'Registered',
  closed: 'Closed',
  open: 'Open',
  overdue: 'Overdue',
  compliance: 'Deadlines met',
  followUpRate: 'Follow-up rate',
  required: 'required',
  satisfaction: 'Satisfaction',
  onSiteShare: 'On site',
  spotChecks: 'Spot checks',
  byState: 'By state',
  bySeverity: 'By severity',
  byProject: 'By project',
  deadlines: 'Deadlines',
  metOnTime: 'Met in time',
  metLate: 'Met late',
  overdueOpen: 'Overdue, open',
  running: 'Running',
  followUps: 'Follow-ups',
  dissatisfaction: 'Causes of dissatisfaction',
  noDissatisfaction: 'No unsatisfied follow-ups this month.',
  residentWords: 'Residents’ words',
  count: 'Count',
  noCases: 'No cases of this type this month.',
  rate: 'Rate',
  rates: 'Follow-up rates ({month})',
  colCaseType: 'Type',
  colPolicy: 'Policy',
  colDue: 'Due',
  colDone: 'Done',
  colOnTime: 'On time',
  colOpen: 'Open',
  colOverdueOpen: 'Overdue',
  colSatisfied: 'Satisfied',
  colUnsatisfied: 'Unsatisfied',
  colRate: 'Rate',
  colRequired: 'Required',
  colSatisfaction: 'Satisfaction',
  colOnSite: 'On site',
  colSpotChecks: 'Spot checks',
  policyText: '{deadline} · {method} · {roles}',
  caseType: 'Type',
  allCaseTypes: 'All types',
  policyOf: 'Follow-up policy',
  bySeverityPolicy: 'by {field}: {items}',
  severity: 'severity',
  method_phone: 'by phone',
  method_onSite: 'on site',
  method_any: 'by phone or on site',
  unit_minutes: 'within {n} min',
  unit_hours: 'within {n} h',
  unit_days: 'within {n} days',
  unit_workingDays: 'within {n} working days',
  unit_dayOfNextMonth: 'by the {n}th of next month',
  requiredRate: 'required rate {rate}',
  overview: 'Cases this month',
  state: 'State',
  emptyTypes: 'Nothing this month: {types}',
  dueInMonth: 'Due in month',
  notYetDue: 'Not due yet',
  noneDue: 'None due',
  colNotYetDue: 'Not due yet',
};

export function rt(key: ReportKey | (string & {}), params?: Record<string, string | number>): string {
  const table = (getLanguage() === 'en' ? en : zh) as Record<string, string>;
  const text = table[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** "0.8333" → "83.33%", null → "—" (exact on the string). */
export function percent(share: string | number | null | undefined): string {
  if (share === null || share === undefined) return '—';
  const s = typeof share === 'number' ? share.toFixed(4) : share;
  const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return s;
  const frac = (m[2] ?? '').padEnd(4, '0');
  const whole = `${m[1]}${frac.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = frac.slice(2).replace(/0+$/, '');
  return `${whole}${rest ? `.${rest}` : ''}%`;
}

/** A follow-up deadline as a time limit: "3天内", "次月10日前" (a date, so no 内). */
export function durationText(d: { amount: number; unit: string } | undefined): string {
  if (!d) return '';
  return rt(`unit_${d.unit}`, { n: d.amount }).replace(`unit_${d.unit}`, `${d.amount} ${d.unit}`);
}

export const methodText = (m: string) => {
  const s = rt(`method_${m}`);
  return s === `method_${m}` ? m : s;
};
