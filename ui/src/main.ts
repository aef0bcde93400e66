/** Entry of the staff web app: registers `<wy-app>` (login, shell, work queue; other pages load on demand). */
import './elements/wy-app.js';
// the 项目与楼栋 tab of the configuration editor (its screens load on first visit)
import './admin/registry/register.js';
import './admin/assignment/register.js';
// the 短信与微信 tab: message channels and their keys (loads on first visit)
import './admin/channels/register.js';
// the 业务设置 tab: every plugin's settings from its schema (loads on first visit)
import './admin/plugin-settings/register.js';
