/**
 * Registers the 业务设置 tab of the configuration editor (imported once by the app's entry, so the
 * navigation lists it too). Kept tiny: the editor loads on first visit.
 */
import { registerAdminSection } from '../admin-sections.js';
import { pt } from './plugin-settings-i18n.js';

registerAdminSection({
  id: 'settings', label: () => pt('tab'), tag: 'wy-admin-plugin-settings-page', load: () => import('./wy-admin-plugin-settings-page.js'), scoped: true, order: 60,
});
