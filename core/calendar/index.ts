/**
 * Company working calendar and deadline arithmetic. Import from here, not from the files,
 * so the internals (ISO-date helpers, the public-holiday tables) can change freely.
 */
export { WorkingCalendar, DEFAULT_CALENDAR, MAX_WORKING_DAYS, type CalendarSettings } from './working-calendar.js';
export { addDuration, describeDuration, type Duration, type DurationUnit } from './durations.js';
export { isIsoDate } from './iso-date.js';
export { addCalendarDays, daysBetween, startOfMonth, endOfMonth, addWorkingDays, workingDaysBetween, type WorkingDays } from './date-helpers.js';
