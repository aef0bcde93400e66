/**
 * Strings of the linked-cases panel and the convert dialog (wy-case-links, wy-case-convert-dialog),
 * in their own i18next namespace; the timeline's words for conversion events join the shell's
 * table (the timeline words an event of type X as `event_X`).
 */
import { addMessages, translate, type Params } from '../i18n.js';

const zh = {
  linksTitle: '关联工单',
  linksNone: '没有关联的工单',
  kind_convertedTo: '已转为',
  kind_convertedFrom: '转自',
  kind_handedTo: '已转交办理',
  kind_handedFrom: '办理来源',
  resolved: '已办结，{time} 回到原工单',
  waiting: '办理中，办结后自动回到本工单',
  reason: '原因：{reason}',
  by: '{name} 于 {time}',
  convertButton: '转为其他工单…',
  convertTitle: '转为其他工单',
  convertTo: '转为',
  outcomeClose: '提交后，本工单将结案为“{state}”，新工单保留登记内容，两张工单相互关联。',
  outcomeWait: '提交后，本工单转为“{state}”，新工单办结后自动回到本工单。',
  reasonLabel: '转换原因',
  reasonHelp: '例如：住户只是咨询，不是投诉。',
  reasonRequired: '请填写转换原因。',
  targetForm: '新工单登记内容',
  converted: '已转为{title} {serial}。',
  noConversions: '本工单目前不能转为其他工单。',
  open: '打开',
} as const;

const en: Record<keyof typeof zh, string> = {
  linksTitle: 'Linked cases',
  linksNone: 'No linked cases',
  kind_convertedTo: 'Converted into',
  kind_convertedFrom: 'Converted from',
  kind_handedTo: 'Handed on to',
  kind_handedFrom: 'Handed on from',
  resolved: 'Ended; back to the original case at {time}',
  waiting: 'In progress; comes back to this case when it ends',
  reason: 'Reason: {reason}',
  by: '{name} at {time}',
  convertButton: 'Convert…',
  convertTitle: 'Convert into another case',
  convertTo: 'Convert into',
  outcomeClose: 'This case will be closed as “{state}”; the new case keeps what was registered and the two are linked.',
  outcomeWait: 'This case will wait as “{state}” and come back when the new case ends.',
  reasonLabel: 'Reason',
  reasonHelp: 'E.g. the resident only had a question, it is not a complaint.',
  reasonRequired: 'Give the reason for the conversion.',
  targetForm: 'The new case',
  converted: 'Converted into {title} {serial}.',
  noConversions: 'This case cannot be converted now.',
  open: 'Open',
};

addMessages('case-links', { 'zh-CN': zh, en });
addMessages('app', {
  'zh-CN': { event_convertedTo: '转为其他工单（本单结案）', event_convertedFrom: '由其他工单转来', event_handedTo: '转交其他程序办理', event_handedFrom: '由其他工单转来办理', event_linkedClosed: '关联工单已办结' },
  en: { event_convertedTo: 'Converted into another case', event_convertedFrom: 'Converted from another case', event_handedTo: 'Handed on to another procedure', event_handedFrom: 'Handed on from another case', event_linkedClosed: 'Linked case ended' },
});

export type CaseLinksKey = keyof typeof zh;

export function lt(key: CaseLinksKey | (string & {}), params?: Params): string {
  return translate('case-links', key, params);
}
