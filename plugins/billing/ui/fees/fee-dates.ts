/** Calendar days as billing counts them: in the company's time zone (Asia/Shanghai), YYYY-MM-DD. */
import { TIME_ZONE } from '../../../../ui/src/plugin-ui-api.js';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in the company's time zone, YYYY-MM-DD. */
export function shanghaiToday(now: Date = new Date()): string {
  return dayFormat.format(now);
}

/** This month's period key (YYYY-MM), the dry run's starting value. */
export function currentMonthKey(now: Date = new Date()): string {
  return shanghaiToday(now).slice(0, 7);
}
