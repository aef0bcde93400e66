/**
 * Registers the 项目与楼栋 tab of the configuration editor (imported once by the app's entry, so
 * the navigation lists it too). Kept tiny: the screens load on first visit.
 */
import { registerAdminSection } from '../admin-sections.js';
import { rt } from './registry-i18n.js';

registerAdminSection({ id: 'registry', label: () => rt('tab'), tag: 'wy-registry-page', load: () => import('./wy-registry-page.js'), order: 45 });
