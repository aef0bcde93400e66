/**
 * What duty-desk brings to the staff app: the 日清日审 board (supervisors and managers), and on a
 * duty shift's case page its log entries as a list. The duty shift itself is a case type: its
 * registration, steps and printout come from the declarations.
 */
import { definePluginUi } from '../../../ui/src/plugin-ui-api.js';

export default definePluginUi({
  pages: [
    { path: '/duty-desk/daily-review', title: { 'zh-CN': '日清日审', en: 'Daily review' }, permission: 'duty.review', tag: 'wy-duty-daily-review', load: () => import('./wy-duty-daily-review.js') },
  ],
  nav: [
    { path: '/duty-desk/daily-review', label: { 'zh-CN': '日清日审', en: 'Daily review' }, permission: 'duty.review', order: 20 },
  ],
  slots: [
    { slot: 'case', caseTypes: ['dutyShift'], tag: 'wy-duty-entries', load: () => import('./wy-duty-entries.js') },
  ],
  messages: { permissions: { 'duty.review': { 'zh-CN': '日清日审与签阅', en: 'Daily review and sign-off' } } },
});
