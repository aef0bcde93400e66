/** Strings of the 服务台 page (zh-CN default, English), loaded with the page. */
import { addMessages, translate, type Params } from '../../../ui/src/plugin-ui-api.js';

const zh = {
  title: '服务台',
  subtitle: '一站式服务：每一次来电、来访、来信都登记在《服务工作单》上，15分钟内答复客户。',
  newRequest: '新建服务工作单',
  allRequests: '全部服务工作单',
  today: '今日 {date}',
  todayTotal: '今日登记',
  openTotal: '待答复',
  overdueTotal: '已超时',
  byKind: '今日来电来访（按诉求类别）',
  all: '全部',
  waiting: '待答复客户',
  waitingNone: '没有待答复的服务工作单。',
  todayList: '今日服务工作单',
  todayNone: '今天还没有登记服务工作单。',
  colTime: '登记时间',
  colSerial: '编号',
  colKind: '诉求类别',
  colChannel: '来源渠道',
  colCustomer: '客户',
  colContent: '服务内容',
  colState: '状态',
  colDue: '答复时限',
  overdue: '已超时',
  dueAt: '{time} 前',
  loadError: '加载失败：{message}',
  more: '今天登记较多，只显示最近 {count} 张。',
} as const;

const en: Record<keyof typeof zh, string> = {
  title: 'Service desk',
  subtitle: 'One door: every call, visit and letter is registered on a work order and answered within 15 minutes.',
  newRequest: 'New work order',
  allRequests: 'All work orders',
  today: 'Today {date}',
  todayTotal: 'Registered today',
  openTotal: 'To answer',
  overdueTotal: 'Overdue',
  byKind: "Today's contacts by kind",
  all: 'All',
  waiting: 'Waiting for an answer',
  waitingNone: 'No work order is waiting for an answer.',
  todayList: "Today's work orders",
  todayNone: 'No work order registered today yet.',
  colTime: 'Registered',
  colSerial: 'Serial',
  colKind: 'Kind',
  colChannel: 'Channel',
  colCustomer: 'Customer',
  colContent: 'Request',
  colState: 'State',
  colDue: 'Answer by',
  overdue: 'Overdue',
  dueAt: 'by {time}',
  loadError: 'Could not load: {message}',
  more: 'Busy day: showing the latest {count}.',
};

addMessages('service-desk', { 'zh-CN': zh, en });

export function dt(key: keyof typeof zh, params?: Params): string {
  return translate('service-desk', key, params);
}
