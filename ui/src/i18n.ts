/**
 * Every string the staff app shows, in Chinese (the default) and English, and the current language
 * (persisted in localStorage). Titles that come from declarations ({ 'zh-CN', en }) go through
 * `loc()`; elements re-render on a language change through `I18nController`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Language = 'zh-CN' | 'en';
export type Localized = Partial<Record<Language, string>> | string | null | undefined;

const zh = {
  appName: '物业客服平台',
  loading: '加载中…',
  retry: '重试',
  refresh: '刷新',
  close: '关闭',
  cancel: '取消',
  confirm: '确定',
  none: '无',
  yes: '是',
  no: '否',
  error: '出错了',
  networkError: '无法连接服务器，请检查网络后重试。',
  forbidden: '你的岗位无权进行此操作。',
  notFound: '没有找到，或你无权查看。',

  loginTitle: '员工登录',
  loginSubtitle: '客户服务中心工作平台',
  username: '用户名',
  password: '密码',
  login: '登录',
  loggingIn: '正在登录…',
  loginFailed: '用户名或密码错误。',
  loginRateLimited: '尝试次数过多，请稍后再试。',
  logout: '退出',
  changePassword: '修改密码',
  language: '语言',
  switchLanguage: 'English',
  skipToContent: '跳到主要内容',

  navMain: '主导航',
  navQueue: '工作台',
  navFollowUps: '回访',
  navReports: '统计',
  navHouseholds: '住户档案',
  navCaseTypes: '事项',
  navAdmin: '系统配置',
  navMenu: '菜单',
  navAdminForms: '表单',
  navAdminWorkflow: '流程与时限',
  navAdminRules: '规则',
  navAdminRoles: '岗位与员工',
  navAdminCalendar: '工作日历',
  navAdminReview: '审阅与启用',

  queueTitle: '工作台',
  queueMine: '我的待办',
  queueTeam: '本岗位待办',
  queueEmpty: '没有待办事项。',
  queueHint: '逾期的排在最前，其次是最快到期的。',
  homeToday: '今日工作（{day}）',
  homeMine: '我的',
  homeTeam: '本岗位',
  homeDueToday: '今日到期',
  homeOverdue: '已超时',
  homeOpen: '办理中',
  homeNothing: '今天没有到期或超时的事项。',
  homeFollowUps: '回访',
  homeFollowUpsDue: '今日应回访 {n} 件',
  homeFollowUpsOverdue: '超期未回访 {n} 件',
  homeEscalations: '近期升级',
  homeEscalatedTo: '超时升级至{role}',
  homeQuickActions: '快速登记',
  homeRegister: '登记{title}',

  colSerial: '编号',
  colType: '类型',
  colTitle: '内容',
  colState: '状态',
  colProject: '管理处',
  colDeadline: '时限',
  colCreated: '登记时间',
  colAssignee: '处理岗位',
  colUnit: '房号',
  colPerson: '住户',
  colPhone: '联系电话',
  callPerson: '拨打 {name} 的电话 {phone}',

  overdueBy: '逾期 {d}',
  remaining: '剩余 {d}',
  minutes: '{n}分钟',
  hours: '{n}小时',
  hoursMinutes: '{h}小时{m}分钟',
  days: '{n}天',
  daysHours: '{d}天{h}小时',
  lessThanMinute: '不到1分钟',
  noDeadline: '—',
  deadlineMet: '按时完成',
  deadlineMetLate: '逾期完成',
  deadlineCancelled: '已取消',
  deadlinePaused: '已暂停计时',
  dueAt: '到期 {t}',

  listTitle: '{type}',
  register: '登记',
  registerType: '登记{type}',
  filters: '筛选',
  filterState: '状态',
  filterProject: '管理处',
  filterBuilding: '楼栋',
  filterAll: '全部',
  filterMine: '只看分配给我的',
  filterOverdue: '只看逾期',
  filterOpen: '只看未结',
  filterFrom: '登记日期从',
  filterTo: '至',
  search: '搜索',
  searchPlaceholder: '编号或内容',
  apply: '查询',
  reset: '重置',
  nextPage: '下一页',
  prevPage: '上一页',
  firstPage: '第一页',
  listEmpty: '没有符合条件的事项。',
  pageN: '第 {n} 页',

  newTitle: '登记{type}',
  project: '管理处',
  building: '楼栋',
  unit: '房号',
  unitSearch: '输入房号，如 101',
  person: '住户',
  personSearch: '姓名或电话',
  personOfUnit: '本户住户',
  noUnit: '（不关联房号）',
  noPerson: '（不关联住户）',
  chooseProject: '请选择管理处',
  chooseBuilding: '全部楼栋',
  noMatches: '没有匹配的结果',
  clear: '清除',
  household: '房屋与住户',
  formErrors: '请按提示修改后再提交。',
  submitting: '正在提交…',
  registered: '已登记 {serial}',
  cannotCreate: '你的岗位不能登记此类事项。',
  formsMissing: '表单组件尚未加载。',

  caseTitle: '{type} {serial}',
  state: '状态',
  assignee: '处理岗位',
  assignedToMe: '（我）',
  severity: '严重程度',
  created: '登记时间',
  closedAt: '结案时间',
  updated: '更新时间',
  configVersion: '配置版本',
  deadlines: '处理时限',
  deadlineStarted: '开始 {t}',
  escalatedTo: '已升级至 {role}',
  data: '登记与处理内容',
  timeline: '处理记录',
  actions: '可执行的操作',
  noActions: '当前没有你可执行的操作。',
  documents: '打印',
  attachments: '附件',
  attachment: '附件',
  openInNewTab: '（新窗口打开）',
  confirmTransition: '确定要“{title}”吗？',
  transitionDone: '已完成：{title}',
  staleTitle: '事项已被他人更新',
  staleBody: '你看到的不是最新版本，请重新加载后再操作（你填写的内容不会提交）。',
  reload: '重新加载',
  refused: '操作被拒绝',
  followUp: '回访',
  followUpDue: '回访到期 {t}',
  followUpMethod: '方式',
  followUpRecord: '记录回访结果',
  followUpDone: '回访已记录',
  followUpsTitle: '回访',
  followUpsDue: '待回访',
  followUpsDone: '已回访',
  followUpsEmpty: '没有回访。',
  followUpsOverdueOnly: '只看逾期',
  followUpSatisfied: '满意',
  followUpUnsatisfied: '不满意',
  colFollowUpDue: '回访期限',
  colFollowUpMethod: '回访方式',
  colFollowUpRoles: '回访岗位',
  colFollowUpResult: '结果',
  methodPhone: '电话',
  methodOnSite: '上门',
  methodAny: '电话或上门',

  eventCreated: '登记',
  eventTransition: '{title}',
  eventOverdue: '超过时限：{deadline}',
  eventFollowUpScheduled: '安排回访（{t} 前）',
  eventFollowUpDone: '回访',
  eventSystem: '系统',
  eventTo: '→ {state}',
  escalation: '升级：{from} → {to}',

  householdsTitle: '住户档案',
  householdsHint: '按管理处、楼栋和房号查找，或按住户姓名、电话查找。',
  findUnit: '查找房屋',
  findPerson: '查找住户',
  unitsFound: '房屋',
  peopleFound: '住户',
  unitTitle: '{building} {number}',
  area: '面积',
  unitType: '类型',
  unitStatus: '状态',
  people: '住户',
  relation: '关系',
  phone: '电话',
  name: '姓名',
  casesOfUnit: '本户事项',
  noCases: '没有记录。',
  noPeople: '没有登记住户。',
  relation_owner: '业主',
  relation_tenant: '租户',
  relation_occupant: '住户',
  relation_agent: '受托人',
  relation_family: '家庭成员',
  unitStatus_occupied: '已入住',
  unitStatus_vacant: '空置',
  unitType_residential: '住宅',
  unitType_commercial: '商业',
  unitType_office: '办公',
  unitType_parking: '车位',
  m2: '{n} 平方米',

  valueTrue: '是',
  valueFalse: '否',
  signatureImage: '住户签名',
  otherFields: '其他',
  pageNotFound: '页面不存在。',
  backToQueue: '返回工作台',
} as const;

export type StringKey = keyof typeof zh;

const en: Record<StringKey, string> = {
  appName: 'Wuye service desk',
  loading: 'Loading…',
  retry: 'Retry',
  refresh: 'Refresh',
  close: 'Close',
  cancel: 'Cancel',
  confirm: 'Confirm',
  none: 'None',
  yes: 'Yes',
  no: 'No',
  error: 'Something went wrong',
  networkError: 'Cannot reach the server. Check the network and try again.',
  forbidden: 'Your role may not do this.',
  notFound: 'Not found, or you may not see it.',

  loginTitle: 'Staff login',
  loginSubtitle: 'Customer-service centre',
  username: 'Username',
  password: 'Password',
  login: 'Log in',
  loggingIn: 'Logging in…',
  loginFailed: 'Wrong username or password.',
  loginRateLimited: 'Too many attempts; try again later.',
  logout: 'Log out',
  changePassword: 'Change password',
  language: 'Language',
  switchLanguage: '中文',
  skipToContent: 'Skip to the main content',

  navMain: 'Main navigation',
  navQueue: 'Work queue',
  navFollowUps: 'Follow-ups',
  navReports: 'Statistics',
  navHouseholds: 'Households',
  navCaseTypes: 'Cases',
  navAdmin: 'Configuration',
  navMenu: 'Menu',
  navAdminForms: 'Forms',
  navAdminWorkflow: 'Workflow & deadlines',
  navAdminRules: 'Rules',
  navAdminRoles: 'Roles & staff',
  navAdminCalendar: 'Calendar',
  navAdminReview: 'Review & activate',

  queueTitle: 'Work queue',
  queueMine: 'Mine',
  queueTeam: 'My team',
  queueEmpty: 'Nothing to do.',
  queueHint: 'Overdue first, then the soonest due.',
  homeToday: "Today's work ({day})",
  homeMine: 'Mine',
  homeTeam: 'My team',
  homeDueToday: 'Due today',
  homeOverdue: 'Overdue',
  homeOpen: 'Open',
  homeNothing: 'Nothing due or overdue today.',
  homeFollowUps: 'Follow-ups',
  homeFollowUpsDue: '{n} due today',
  homeFollowUpsOverdue: '{n} overdue',
  homeEscalations: 'Recent escalations',
  homeEscalatedTo: 'late, escalated to {role}',
  homeQuickActions: 'Register',
  homeRegister: 'Register: {title}',

  colSerial: 'No.',
  colType: 'Type',
  colTitle: 'Subject',
  colState: 'State',
  colProject: 'Project',
  colDeadline: 'Deadline',
  colCreated: 'Registered',
  colAssignee: 'Assigned role',
  colUnit: 'Unit',
  colPerson: 'Resident',
  colPhone: 'Phone',
  callPerson: 'Call {name} at {phone}',

  overdueBy: '{d} overdue',
  remaining: '{d} left',
  minutes: '{n} min',
  hours: '{n} h',
  hoursMinutes: '{h} h {m} min',
  days: '{n} d',
  daysHours: '{d} d {h} h',
  lessThanMinute: 'under a minute',
  noDeadline: '—',
  deadlineMet: 'Met',
  deadlineMetLate: 'Met late',
  deadlineCancelled: 'Cancelled',
  deadlinePaused: 'Paused',
  dueAt: 'due {t}',

  listTitle: '{type}',
  register: 'Register',
  registerType: 'Register a {type}',
  filters: 'Filters',
  filterState: 'State',
  filterProject: 'Project',
  filterBuilding: 'Building',
  filterAll: 'All',
  filterMine: 'Assigned to me',
  filterOverdue: 'Overdue only',
  filterOpen: 'Open only',
  filterFrom: 'Registered from',
  filterTo: 'to',
  search: 'Search',
  searchPlaceholder: 'Serial or text',
  apply: 'Search',
  reset: 'Reset',
  nextPage: 'Next page',
  prevPage: 'Previous page',
  firstPage: 'First page',
  listEmpty: 'No cases match.',
  pageN: 'Page {n}',

  newTitle: 'Register a {type}',
  project: 'Project',
  building: 'Building',
  unit: 'Unit',
  unitSearch: 'Unit number, e.g. 101',
  person: 'Resident',
  personSearch: 'Name or phone',
  personOfUnit: 'Residents of the unit',
  noUnit: '(no unit)',
  noPerson: '(no resident)',
  chooseProject: 'Choose a project',
  chooseBuilding: 'All buildings',
  noMatches: 'No matches',
  clear: 'Clear',
  household: 'Unit and resident',
  formErrors: 'Please correct the marked fields and submit again.',
  submitting: 'Submitting…',
  registered: 'Registered {serial}',
  cannotCreate: 'Your role may not register this kind of case.',
  formsMissing: 'The form components are not loaded.',

  caseTitle: '{type} {serial}',
  state: 'State',
  assignee: 'Assigned role',
  assignedToMe: '(me)',
  severity: 'Severity',
  created: 'Registered',
  closedAt: 'Closed',
  updated: 'Updated',
  configVersion: 'Configuration version',
  deadlines: 'Deadlines',
  deadlineStarted: 'started {t}',
  escalatedTo: 'escalated to {role}',
  data: 'Record',
  timeline: 'History',
  actions: 'What you can do',
  noActions: 'Nothing for your role to do now.',
  documents: 'Print',
  attachments: 'Attachments',
  attachment: 'Attachment',
  openInNewTab: '(opens in a new tab)',
  confirmTransition: '“{title}” — are you sure?',
  transitionDone: 'Done: {title}',
  staleTitle: 'Someone else updated this case',
  staleBody: 'You are not looking at the latest version. Reload before acting (what you entered is not sent).',
  reload: 'Reload',
  refused: 'Refused',
  followUp: 'Follow-up',
  followUpDue: 'follow-up due {t}',
  followUpMethod: 'Method',
  followUpRecord: 'Record the follow-up',
  followUpDone: 'Follow-up recorded',
  followUpsTitle: 'Follow-ups',
  followUpsDue: 'Due',
  followUpsDone: 'Done',
  followUpsEmpty: 'No follow-ups.',
  followUpsOverdueOnly: 'Overdue only',
  followUpSatisfied: 'Satisfied',
  followUpUnsatisfied: 'Unsatisfied',
  colFollowUpDue: 'Due',
  colFollowUpMethod: 'Method',
  colFollowUpRoles: 'Roles',
  colFollowUpResult: 'Result',
  methodPhone: 'Phone',
  methodOnSite: 'On site',
  methodAny: 'Phone or on site',

  eventCreated: 'Registered',
  eventTransition: '{title}',
  eventOverdue: 'Deadline passed: {deadline}',
  eventFollowUpScheduled: 'Follow-up scheduled (by {t})',
  eventFollowUpDone: 'Follow-up',
  eventSystem: 'System',
  eventTo: '→ {state}',
  escalation: 'Escalated: {from} → {to}',

  householdsTitle: 'Households',
  householdsHint: 'Find a unit by project, building and number, or a resident by name or phone.',
  findUnit: 'Find a unit',
  findPerson: 'Find a resident',
  unitsFound: 'Units',
  peopleFound: 'Residents',
  unitTitle: '{building} {number}',
  area: 'Area',
  unitType: 'Type',
  unitStatus: 'Status',
  people: 'Residents',
  relation: 'Relation',
  phone: 'Phone',
  name: 'Name',
  casesOfUnit: "The household's cases",
  noCases: 'None.',
  noPeople: 'No residents registered.',
  relation_owner: 'Owner',
  relation_tenant: 'Tenant',
  relation_occupant: 'Occupant',
  relation_agent: 'Agent',
  relation_family: 'Family member',
  unitStatus_occupied: 'Occupied',
  unitStatus_vacant: 'Vacant',
  unitType_residential: 'Residential',
  unitType_commercial: 'Commercial',
  unitType_office: 'Office',
  unitType_parking: 'Parking space',
  m2: '{n} m²',

  valueTrue: 'Yes',
  valueFalse: 'No',
  signatureImage: "Resident's signature",
  otherFields: 'Other',
  pageNotFound: 'No such page.',
  backToQueue: 'Back to the work queue',
};

const STRINGS: Record<Language, Record<StringKey, string>> = { 'zh-CN': zh, en };
const STORAGE_KEY = 'wuye.language';

function initialLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'zh-CN') return stored;
  } catch {
    // storage may be unavailable (private mode): fall back to the default
  }
  return 'zh-CN';
}

let current: Language = initialLanguage();
const listeners = new Set<() => void>();

export function getLanguage(): Language {
  return current;
}

export function setLanguage(language: Language): void {
  if (language === current) return;
  current = language;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // not persisted; still switched for this page
  }
  document.documentElement.lang = language;
  for (const l of listeners) l();
}

export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The UI string `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: StringKey, params?: Record<string, string | number>): string {
  const text = STRINGS[current][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A string key built at run time (e.g. `relation_${value}`), or the raw value when unknown. */
export function tOr(key: string, fallback: string): string {
  return (STRINGS[current] as Record<string, string>)[key] ?? fallback;
}

/** A declaration's title in the current language (Chinese when the English one is missing). */
export function loc(value: Localized): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  return value[current] ?? value['zh-CN'] ?? value.en ?? '';
}

/** Re-renders its host when the language changes. */
export class I18nController implements ReactiveController {
  #off: (() => void) | undefined;
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    this.#off = onLanguageChange(() => this.host.requestUpdate());
  }
  hostDisconnected(): void {
    this.#off?.();
  }
}
