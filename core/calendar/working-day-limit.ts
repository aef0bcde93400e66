/**
 * The most working days a deadline or a date.* rule operator may count, in its own module without
 * imports: the working calendar (luxon) and core/rules (which runs in the browser) share it.
 */
export const MAX_WORKING_DAYS = 10_000;
