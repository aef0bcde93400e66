/**
 * The service desk in the staff app: 服务台 — today's contacts by kind, the ones still waiting for
 * an answer (15-minute promise), and the big 新建服务工作单 entry. Loaded on first use.
 */
import { definePluginUi } from '../../../ui/src/plugin-ui-api.js';

export default definePluginUi({
  pages: [
    { path: '/service-desk', title: { 'zh-CN': '服务台', en: 'Service desk' }, permission: 'serviceDesk.view', tag: 'wy-service-desk-page', load: () => import('./wy-service-desk-page.js') },
  ],
  nav: [
    // the desk's own page: desk roles and those who supervise them (permission granted in plugin.json)
    { path: '/service-desk', label: { 'zh-CN': '服务台', en: 'Service desk' }, permission: 'serviceDesk.view', order: 5 },
  ],
  messages: { permissions: { 'serviceDesk.view': { 'zh-CN': '使用服务台', en: 'Use the service desk page' } } },
});
