// How every date is written, in the browser's own locale ("23 Nov 2026" in Britain, "Nov 23, 2026"
// in the US): one place, so a date reads the same on every screen.
(function (steady) {
  'use strict';
  const DAY_MS = 86400000;

  /** A calendar date ('YYYY-MM-DD' or a day number since 1970) in the browser's locale: day and
   * short month by default; `year` and `weekday` add those; `day: false` or `month: false` leave them out. */
  function dateText(date, { year = false, weekday = false, day = true, month = true } = {}) {
    const ms = typeof date === 'number' ? date * DAY_MS : Date.parse(`${date}T00:00:00Z`);
    // A calendar date has no zone: read and written in UTC, it never shifts a day.
    return new Date(ms).toLocaleDateString(undefined, {
      timeZone: 'UTC', day: day ? 'numeric' : undefined, month: month ? 'short' : undefined,
      year: year ? 'numeric' : undefined, weekday: weekday ? 'short' : undefined,
    });
  }

  /** The date of an instant (epoch ms) on this device's calendar, with its year. */
  function instantDateText(ms, { year = true } = {}) {
    return new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: year ? 'numeric' : undefined });
  }

  steady.labels.dates = { dateText, instantDateText };
})(globalThis.steady);
