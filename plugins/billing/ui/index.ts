/**
 * Billing in the staff app: the 收费 pages (bills, arrears, collection rates, daily cash, runs; a
 * unit's account and a bill), their navigation, the fee-table tab of the configuration editor, the
 * collection rates on the statistics page and the account link on a household's archive. Every
 * screen is loaded on first use.
 */
import { definePluginUi, type UiText } from '../../../ui/src/plugin-ui-api.js';

const group: UiText = { 'zh-CN': '收费', en: 'Billing' };
const bills = () => import('./wy-billing-bills-page.js');

export default definePluginUi({
  pages: [
    { path: '/billing/bills', title: { 'zh-CN': '账单', en: 'Bills' }, permission: 'billing.view', tag: 'wy-billing-bills-page', load: bills },
    { path: '/billing/bills/:id', title: { 'zh-CN': '账单', en: 'Bill' }, permission: 'billing.view', tag: 'wy-billing-bill-page', load: () => import('./wy-billing-bill-page.js') },
    { path: '/billing/units/:id', title: { 'zh-CN': '收费账户', en: 'Billing account' }, permission: 'billing.view', tag: 'wy-billing-account-page', load: () => import('./wy-billing-account-page.js') },
    { path: '/billing/arrears', title: { 'zh-CN': '欠费', en: 'Arrears' }, permission: 'billing.view', tag: 'wy-billing-arrears-page', load: () => import('./wy-billing-arrears-page.js') },
    { path: '/billing/collection-rates', title: { 'zh-CN': '收缴率', en: 'Collection rates' }, permission: 'billing.view', tag: 'wy-billing-rates-page', load: () => import('./wy-billing-rates-page.js') },
    { path: '/billing/cash', title: { 'zh-CN': '日清', en: 'Daily cash' }, permission: 'billing.collect', tag: 'wy-billing-cash-page', load: () => import('./wy-billing-cash-page.js') },
    { path: '/billing/runs', title: { 'zh-CN': '计费', en: 'Billing runs' }, permission: 'billing.run', tag: 'wy-billing-runs-page', load: () => import('./wy-billing-runs-page.js') },
  ],
  nav: [
    { group, path: '/billing/bills', label: { 'zh-CN': '账单', en: 'Bills' }, permission: 'billing.view', activeFor: ['/billing/bills/', '/billing/units/'], order: 10 },
    { group, path: '/billing/arrears', label: { 'zh-CN': '欠费', en: 'Arrears' }, permission: 'billing.view', order: 11 },
    { group, path: '/billing/collection-rates', label: { 'zh-CN': '收缴率', en: 'Collection rates' }, permission: 'billing.view', order: 12 },
    { group, path: '/billing/cash', label: { 'zh-CN': '日清', en: 'Daily cash' }, permission: 'billing.collect', order: 13 },
    { group, path: '/billing/runs', label: { 'zh-CN': '计费', en: 'Billing runs' }, permission: 'billing.run', order: 14 },
  ],
  adminSections: [
    { id: 'fees', label: { 'zh-CN': '收费标准', en: 'Fee tables' }, tag: 'wy-admin-fees-page', load: () => import('./fees/wy-admin-fees-page.js'), scoped: true, ownsSettings: true },
  ],
  reportPanels: [
    { id: 'collection-rates', permission: 'billing.view', tag: 'wy-billing-collection-rates-panel', load: () => import('./wy-billing-collection-rates-panel.js'), order: 10 },
  ],
  slots: [
    { slot: 'household', permission: 'billing.view', tag: 'wy-billing-account-link', load: () => import('./wy-billing-account-link.js') },
  ],
  messages: {
    permissions: {
      'billing.view': { 'zh-CN': '查看收费', en: 'view billing' },
      'billing.collect': { 'zh-CN': '收款', en: 'collect payments' },
      'billing.adjust': { 'zh-CN': '调整账目', en: 'adjust accounts' },
      'billing.approveRefund': { 'zh-CN': '批准退款', en: 'approve refunds' },
      'billing.dunning': { 'zh-CN': '催缴', en: 'dunning' },
      'billing.run': { 'zh-CN': '生成账单', en: 'run billing' },
    },
  },
});
