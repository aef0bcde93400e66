/** Entry of the staff web app: registers `<wy-app>` (login, shell, work queue; other pages load on demand). */
import './elements/wy-app.js';
