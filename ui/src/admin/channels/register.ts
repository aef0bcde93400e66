/**
 * Registers the 短信与微信 tab of the configuration editor (imported once by the app's entry, so the
 * navigation lists it too). Kept tiny: the screen loads on first visit.
 */
import { registerAdminSection } from '../admin-sections.js';
import { rmt } from '../../resident-messages/resident-messages-i18n.js';

registerAdminSection({ id: 'channels', label: () => rmt('channelsTab'), tag: 'wy-admin-channels-page', load: () => import('./wy-admin-channels-page.js'), order: 55 });
