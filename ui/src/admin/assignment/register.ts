/**
 * Registers the 派工规则 tab of the configuration editor (imported once by the app's entry, so the
 * navigation lists it too). Kept tiny: the screen loads on first visit.
 */
import { registerAdminSection } from '../admin-sections.js';
import { ast } from './assignment-i18n.js';

registerAdminSection({ id: 'assignment', label: () => ast('tab'), tag: 'wy-admin-assignment-page', load: () => import('./wy-admin-assignment-page.js'), order: 48 });
