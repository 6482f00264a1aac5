// A week of core and balance planned around runs. Pure: plain values in, plain values out; no
// clock (`today`, 'YYYY-MM-DD', is passed in). server/progress/rules/week_plan.py is the same rule
// in Python; tests/vectors/week_plan.json is the one set of cases both must pass, so change all
// three together.
//
// The week is the calendar week (from the settings' week start) that holds `today`. Run days come
// from settings.runs ({weekday: 'easy' | 'hard'}). What is left of the weekly target is placed one
// session a day on the days still to come, best days first: a day with no run, then an easy-run
// day, then the day before a hard run (core and balance only: no leg work before a hard run), and
// a hard-run day only when nothing else is left. The plan as it stood at the start of the week is
// worked out the same way, so a planned day that passed without a session shows as missed and
// the session it held as moved, never piled onto a day that has one.
(function (steady) {
  'use strict';
  const { WEEK_DAYS, DEFAULT_TARGET, DEFAULT_WEEK_START } = steady.rules.streaks;
  const { isLocalDate, wholeIn } = steady.rules.jsonValues;

  const RUN_KINDS = ['easy', 'hard'];
  const NOTES = {
    full: 'Core, balance and leg work.',
    core: 'Core and balance only: hard run tomorrow.',
    after_hard: 'Core and balance only, after the run.',
  };
  const DAY_MS = 86400000;
  const dayOf = (value) => Date.UTC(+value.slice(0, 4), +value.slice(5, 7) - 1, +value.slice(8, 10)) / DAY_MS;
  const isoDate = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);
  const weekdayOf = (day) => WEEK_DAYS[(((day + 3) % 7) + 7) % 7]; // 1970-01-01 was a Thursday
  const capitalised = (word) => word[0].toUpperCase() + word.slice(1);

  function readRuns(settings) {
    const runs = settings.runs !== null && typeof settings.runs === 'object' ? settings.runs : {};
    const readable = {};
    for (const day of WEEK_DAYS) if (RUN_KINDS.includes(runs[day])) readable[day] = runs[day];
    return readable;
  }

  // [rank, what fits]: lower ranks are better days for a session.
  function kindOf(day, runs) {
    const run = runs[weekdayOf(day)];
    if (run === 'hard') return [3, 'after_hard'];
    if (runs[weekdayOf(day + 1)] === 'hard') return [2, 'core'];
    return [run === 'easy' ? 1 : 0, 'full'];
  }

  // Best day first; among equally good days, one not next to a day already chosen (a rest day between).
  function place(days, count, runs) {
    const chosen = [];
    const fit = (d) => [kindOf(d, runs)[0], chosen.some((c) => Math.abs(d - c) === 1) ? 1 : 0, d];
    const better = (a, b) => { for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i] < b[i]; return false; };
    for (let n = Math.min(count, days.length); n > 0; n -= 1) {
      let best = null;
      for (const d of days) if (!chosen.includes(d) && (best === null || better(fit(d), fit(best)))) best = d;
      chosen.push(best);
    }
    return new Map(chosen.sort((a, b) => a - b).map((d) => [d, kindOf(d, runs)[1]]));
  }

  function summary(target, done, left, unplaced) {
    if (left === 0) return `Target met: ${done} of ${target} done this week.`;
    if (unplaced) {
      const more = left - unplaced;
      return `${done} of ${target} done. ${left} left, and only ${more} more ${more === 1 ? 'day' : 'days'} this week: do what fits, the week is not lost.`;
    }
    return `${done} of ${target} done, ${left} left this week.`;
  }

  /** This week day by day: runs, sessions done, what is planned where, and what was missed and moved. */
  function weekPlan(settings, sessions, today) {
    if (!isLocalDate(today)) throw new RangeError('today must be a date written YYYY-MM-DD.');
    const chosen = settings !== null && typeof settings === 'object' && !Array.isArray(settings) ? settings : {};
    const target = wholeIn(chosen.weekly_target, 1, 7) ? chosen.weekly_target : DEFAULT_TARGET;
    const first = WEEK_DAYS.includes(chosen.week_start) ? chosen.week_start : DEFAULT_WEEK_START;
    const runs = readRuns(chosen);
    const now = dayOf(today);
    const start = now - ((WEEK_DAYS.indexOf(weekdayOf(now)) - WEEK_DAYS.indexOf(first) + 7) % 7);
    const week = Array.from({ length: 7 }, (_, i) => start + i);
    const done = new Map(week.map((d) => [d, 0]));
    for (const session of sessions) {
      const day = session !== null && typeof session === 'object' ? session.local_date : null;
      if (isLocalDate(day) && done.has(dayOf(day)) && day <= today) done.set(dayOf(day), done.get(dayOf(day)) + 1);
    }
    const total = [...done.values()].reduce((sum, n) => sum + n, 0);
    const left = Math.max(0, target - total);
    const original = place(week, target, runs);
    const planned = place(week.filter((d) => d >= now && done.get(d) === 0), left, runs);
    // Sessions done on other days make up for planned days that passed without one.
    const behind = [...original.keys()].filter((d) => d < now).length - week.filter((d) => d < now).reduce((sum, d) => sum + done.get(d), 0);
    const missed = [...original.keys()].filter((d) => d < now && done.get(d) === 0).slice(0, Math.max(0, behind));
    const moved = [...planned.keys()].filter((d) => !original.has(d));
    const movedFrom = new Map();
    const movedTo = new Map();
    moved.slice(0, missed.length).forEach((d, i) => { movedFrom.set(d, missed[i]); movedTo.set(missed[i], d); });
    const days = week.map((d) => {
      const kind = planned.get(d) || null;
      let note = kind ? NOTES[kind] : null;
      if (missed.includes(d)) note = movedTo.has(d) ? `Missed: moved to ${capitalised(weekdayOf(movedTo.get(d)))}.` : 'Missed.';
      else if (kind === null && runs[weekdayOf(d)] === 'hard' && d >= now && !done.get(d)) note = 'Hard run: no session planned.';
      return {
        date: isoDate(d), weekday: weekdayOf(d), run: runs[weekdayOf(d)] || null, done: done.get(d),
        plan: kind === 'core' || kind === 'after_hard' ? 'core' : kind, missed: missed.includes(d),
        moved_from: movedFrom.has(d) ? isoDate(movedFrom.get(d)) : null, note,
      };
    });
    return {
      week_start: isoDate(start), target, done: total, left, summary: summary(target, total, left, left - planned.size), days,
    };
  }

  steady.rules.weekPlan = { weekPlan };
})(globalThis.steady);
