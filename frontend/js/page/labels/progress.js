// Human words for streaks and progress: counts with their units, week days, pause kinds.
(function (steady) {
  'use strict';

  const WEEK_DAYS = { monday: 'Monday', tuesday: 'Tuesday', wednesday: 'Wednesday', thursday: 'Thursday', friday: 'Friday', saturday: 'Saturday', sunday: 'Sunday' };
  const PAUSE_KINDS = { rest: 'Planned rest', injury: 'Injury' };
  const GROUPING = { day: 'day', week: 'week', month: 'month' };

  /** "1 week", "3 weeks". */
  function count(n, unit) {
    return `${n} ${unit}${n === 1 ? '' : 's'}`;
  }

  // Dates are written by labels/dates.js, the one place for them; offered here too for the progress screens.
  const { dateText } = steady.labels.dates;

  /** "30 s", "120 s", "10:00" for holds; "12" for reps. */
  function valueText(value, measure) {
    if (measure !== 'seconds') return String(value);
    return value >= 600 ? steady.labels.training.clock(Math.round(value)) : `${value} s`;
  }

  steady.labels.progress = { WEEK_DAYS, PAUSE_KINDS, GROUPING, count, dateText, valueText };
})(globalThis.steady);
