/**
 * What a plugin's configuration-editor tab (plugins/<id>/ui → adminSections) uses from the
 * editor: the shared draft, its styles, issue notes on controls and pointer helpers. A separate
 * module from plugin-ui-api.ts so the editor's code stays out of the app's first load.
 */
export { adminStyles } from './admin/admin-styles.js';
export { draft, DraftController, type Scope } from './admin/draft-store.js';
export { at, colon, describePointer, issueMessage } from './admin/admin-i18n.js';
export { ctl, focusPointer, issueId, issueNote } from './admin/issue-view.js';
export { clone, pointer } from './admin/patch.js';
export { companySettingsEntry, projectSettingsEntry, settingsInProject } from './admin/settings-patch.js';
export type { Issue as ConfigIssue, Text } from './admin/admin-types.js';
