/**
 * duty-desk's code: the duty log's effects (a stamped entry row, the incoming colleague checked),
 * the 日清日审 board with its daily sign-off (own table), and the colleagues a handover picks from.
 */
import { definePlugin } from '../../core/plugin-api.js';
import { DutyDeskSignOffSchema } from './db/entities.js';
import { migrations as sqlite } from './migrations/sqlite/index.js';
import { migrations as postgresql } from './migrations/postgresql/index.js';
import { appendEntry, checkIncoming } from './effects.js';
import { dailyReviewRoutes } from './daily-review.js';

export default definePlugin({
  database: { entities: [DutyDeskSignOffSchema], migrations: { sqlite, postgresql } },
  setup(ctx) {
    ctx.registerEffect('appendEntry', appendEntry);
    ctx.registerEffect('checkIncoming', checkIncoming);
    ctx.registerRoutes(async (app, services) => dailyReviewRoutes(app, services));
  },
});
