// Human words for streaks and progress: counts with their units, week days, pause kinds.
(function (steady) {
  'use strict';

  const WEEK_DAYS = { monday: 'Monday', tuesday: 'Tuesday', wednesday: 'Wednesday', thursday: 'Thursday', friday: 'Friday', saturday: 'Saturday', sunday: 'Sunday' };
  const PAUSE_KINDS = { rest: 'Planned rest', injury: 'Injury' };
  const GROUPING = { day: 'day', week: 'week', month: 'month' };
  const DAY_MS = 86400000;

  /** "1 week", "3 weeks". */
  function count(n, unit) {
    return `${n} ${unit}${n === 1 ? '' : 's'}`;
  }

  /** "23 Nov" or, with `year`, "23 Nov 2026", for a 'YYYY-MM-DD' date or a day number. */
  function dateText(date, { year = false, weekday = false } = {}) {
    const ms = typeof date === 'number' ? date * DAY_MS : Date.parse(`${date}T00:00:00Z`);
    return new Date(ms).toLocaleDateString('en-GB', {
      timeZone: 'UTC', day: 'numeric', month: 'short', year: year ? 'numeric' : undefined, weekday: weekday ? 'short' : undefined,
    });
  }

  /** "30 s", "120 s", "10:00" for holds; "12" for reps. */
  function valueText(value, measure) {
    if (measure !== 'seconds') return String(value);
    return value >= 600 ? steady.labels.training.clock(Math.round(value)) : `${value} s`;
  }

  steady.labels.progress = { WEEK_DAYS, PAUSE_KINDS, GROUPING, count, dateText, valueText };
})(globalThis.steady);
