// The log shaped for the progress screen: sessions per day for the heat map, and each
// exercise's best hold or reps per side over time for its chart. Plain values in and out.
(function (steady) {
  'use strict';

  const SIDES = ['left', 'right', 'both'];
  const MAX_POINTS = 60; // a phone-wide chart stays readable; longer histories are grouped
  const DAY_MS = 86400000;
  const DATE = /^\d{4}-\d{2}-\d{2}$/;

  function dayNumber(isoDate) {
    return Math.round(Date.UTC(+isoDate.slice(0, 4), +isoDate.slice(5, 7) - 1, +isoDate.slice(8, 10)) / DAY_MS);
  }

  function isoDate(day) {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }

  /** {local_date: number of sessions} for sessions with at least one exercise. */
  function sessionsPerDay(sessions) {
    const perDay = new Map();
    for (const session of sessions) {
      if (session.entries && session.entries.length) perDay.set(session.local_date, (perDay.get(session.local_date) || 0) + 1);
    }
    return perDay;
  }

  // Each exercise's best per side per day, kept for both measures until one is chosen.
  function bestByDay(sessions) {
    const byExercise = new Map();
    for (const session of sessions) {
      for (const entry of session.entries || []) {
        if (!SIDES.includes(entry.side)) continue;
        let found = byExercise.get(entry.exercise);
        if (!found) {
          found = { seconds: new Map(), reps: new Map(), tally: { seconds: 0, reps: 0 } };
          byExercise.set(entry.exercise, found);
        }
        for (const measure of ['seconds', 'reps']) {
          const value = entry[measure];
          if (typeof value !== 'number' || value <= 0) continue;
          found.tally[measure] += 1;
          const days = found[measure];
          const best = days.get(session.local_date);
          if (!best) days.set(session.local_date, { date: session.local_date, [entry.side]: value });
          else if (!(best[entry.side] >= value)) best[entry.side] = value;
        }
      }
    }
    return byExercise;
  }

  // Remembered across exercises: years of daily sessions repeat the same dates in every chart.
  function weekOf(weekStartDay) {
    const weeks = new Map();
    return (date) => {
      let week = weeks.get(date);
      if (week === undefined) {
        const day = dayNumber(date);
        week = isoDate(day - ((((day + 3) % 7) - weekStartDay + 7) % 7)); // 0 = Monday
        weeks.set(date, week);
      }
      return week;
    };
  }

  // Days, or weeks, or months: the finest grouping that fits MAX_POINTS (months keep the latest).
  function grouped(byDay, weekKey) {
    let grouping = 'day';
    let points = [...byDay.values()].sort((a, b) => (a.date > b.date) - (a.date < b.date));
    for (const [next, bucket] of [['week', weekKey], ['month', (date) => `${date.slice(0, 7)}-01`]]) {
      if (points.length <= MAX_POINTS) break;
      const buckets = new Map();
      for (const point of points) {
        const key = bucket(point.date);
        const best = buckets.get(key) || { date: key };
        for (const side of SIDES) if (side in point && !(best[side] >= point[side])) best[side] = point[side];
        buckets.set(key, best);
      }
      grouping = next;
      points = [...buckets.values()];
    }
    return { grouping, points: points.slice(-MAX_POINTS) };
  }

  /** Each exercise's best per side over time: [{exercise, measure, grouping, sides, points: [{date, left?, right?, both?}], last}], most recently trained first. */
  function exerciseSeries(sessions, { weekStartDay = 0 } = {}) {
    const series = [];
    const weekKey = weekOf(weekStartDay);
    for (const [exercise, found] of bestByDay(sessions)) {
      // An exercise logged both ways is charted in the way it was logged most often.
      const measure = found.tally.seconds >= found.tally.reps ? 'seconds' : 'reps';
      if (!found[measure].size) continue;
      const { grouping, points } = grouped(found[measure], weekKey);
      const sides = SIDES.filter((side) => points.some((p) => side in p));
      series.push({ exercise, measure, grouping, sides, points, last: points[points.length - 1].date });
    }
    return series.sort((a, b) => (a.last < b.last) - (a.last > b.last) || (a.exercise > b.exercise) - (a.exercise < b.exercise));
  }

  /** A test for whether a 'YYYY-MM-DD' date falls in one of the settings' pauses (unreadable ones ignored, as the streak rule does). */
  function pausedDay(pauses) {
    const readable = (Array.isArray(pauses) ? pauses : []).filter((p) => p && DATE.test(p.start) && DATE.test(p.end) && p.start <= p.end);
    return (date) => readable.some((p) => p.start <= date && date <= p.end);
  }

  steady.progressSeries = { SIDES, MAX_POINTS, dayNumber, isoDate, sessionsPerDay, exerciseSeries, pausedDay };
})(globalThis.steady);
