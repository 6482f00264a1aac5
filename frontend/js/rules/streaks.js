// Weekly-target and daily streaks. Pure: plain values in, plain values out; no storage, no DOM,
// no clock (`today`, 'YYYY-MM-DD', is passed in). server/progress/rules/streaks.py is the same
// rule in Python; tests/vectors/streaks.json is the one set of cases both must pass, so change
// all three together.
//
// Every session is placed on its own local_date (the calendar date where it was logged), so
// travel and daylight-saving changes never move it. Weeks are calendar weeks from the chosen
// start day. Sessions count, not days. A week touched by a pause that falls short of the target
// neither counts nor breaks the streak; sessions on paused days are not counted. A freeze is
// earned for every 4th met week (at most 2 banked) and spent by itself on a missed week, which
// then neither counts nor breaks the streak. Sessions dated after `today` wait until it comes.
(function (steady) {
  'use strict';

  const WEEK_DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  const DEFAULT_TARGET = 3;
  const DEFAULT_WEEK_START = 'monday';
  const PAUSE_KINDS = ['rest', 'injury'];
  const FREEZE_EVERY = 4; // met weeks per freeze earned
  const FREEZE_BANK = 2; // most freezes held at once
  const DAY_MS = 86400000;
  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

  // Dates are whole days since 1970-01-01, so stepping through them is plain arithmetic. Worked
  // out without Date objects (days from the civil calendar): years of sessions parse quickly.
  function dayNumber(value) {
    if (typeof value !== 'string' || !DATE.test(value)) return null;
    let y = +value.slice(0, 4);
    const m = +value.slice(5, 7);
    const d = +value.slice(8, 10);
    const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    // Python's dates start at year 1.
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > (m === 2 && leap ? 29 : MONTH_DAYS[m - 1])) return null;
    if (m <= 2) y -= 1;
    const era = Math.floor(y / 400);
    const yearOfEra = y - era * 400;
    const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
    const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
  }

  function isoDate(day) {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }

  function weekday(day) {
    return (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 is Monday, as in Python
  }

  function weekStartOf(day, firstDay) {
    return day - ((weekday(day) - firstDay + 7) % 7);
  }

  function targetOf(settings) {
    const value = settings.weekly_target;
    return Number.isInteger(value) && value >= 1 && value <= 7 ? value : DEFAULT_TARGET;
  }

  function weekStartSetting(settings) {
    return WEEK_DAYS.includes(settings.week_start) ? settings.week_start : DEFAULT_WEEK_START;
  }

  /** The readable pauses as {start, end, kind} with day numbers; anything unreadable is left out. */
  function readPauses(settings) {
    const readable = [];
    for (const pause of Array.isArray(settings.pauses) ? settings.pauses : []) {
      if (pause === null || typeof pause !== 'object') continue;
      const start = dayNumber(pause.start);
      const end = dayNumber(pause.end);
      if (start !== null && end !== null && start <= end) {
        readable.push({ start, end, kind: PAUSE_KINDS.includes(pause.kind) ? pause.kind : 'rest' });
      }
    }
    return readable;
  }

  function counts(session) {
    // A short session counts: any logged exercise. A bare {local_date} is one session.
    if (session === null || typeof session !== 'object' || Array.isArray(session)) return false;
    const entries = 'entries' in session ? session.entries : [null];
    return Array.isArray(entries) && entries.length > 0;
  }

  function sessionsPerDay(sessions, today, isPaused) {
    const perDay = new Map();
    for (const session of Array.isArray(sessions) ? sessions : []) {
      const day = counts(session) ? dayNumber(session.local_date) : null;
      if (day !== null && day <= today && !isPaused(day)) perDay.set(day, (perDay.get(day) || 0) + 1);
    }
    return perDay;
  }

  function firstOf(perDay) {
    let first = Infinity;
    for (const day of perDay.keys()) if (day < first) first = day;
    return first;
  }

  function daily(perDay, today, isPaused) {
    let current = 0;
    let longest = 0;
    if (perDay.size) {
      for (let day = firstOf(perDay); day <= today; day += 1) {
        if (perDay.get(day)) {
          current += 1;
          longest = Math.max(longest, current);
        } else if (!isPaused(day) && day !== today) { // today without a session is not over yet
          current = 0;
        }
      }
    }
    return { current, longest };
  }

  function weekly(perDay, today, target, firstDay, isPaused) {
    const thisWeekStart = weekStartOf(today, firstDay);
    let current = 0;
    let longest = 0;
    let thisWeek = 0;
    let banked = 0;
    let metTotal = 0;
    const used = [];
    const paused = [];
    for (let week = perDay.size ? weekStartOf(firstOf(perDay), firstDay) : thisWeekStart; week <= thisWeekStart; week += 7) {
      let count = 0;
      let touchedByPause = false;
      for (let day = week; day < week + 7; day += 1) {
        count += perDay.get(day) || 0;
        touchedByPause = touchedByPause || isPaused(day);
      }
      if (count >= target) {
        current += 1;
        metTotal += 1;
        if (metTotal % FREEZE_EVERY === 0) banked = Math.min(FREEZE_BANK, banked + 1);
      } else if (week === thisWeekStart) {
        // in progress: not broken until it ends
      } else if (touchedByPause) {
        paused.push(isoDate(week));
      } else if (banked) {
        banked -= 1;
        used.push(isoDate(week));
      } else {
        current = 0;
      }
      longest = Math.max(longest, current);
      if (week === thisWeekStart) thisWeek = count;
    }
    return {
      weekly: {
        current,
        longest,
        target,
        this_week: thisWeek,
        this_week_met: thisWeek >= target,
        this_week_start: isoDate(thisWeekStart),
        week_start: WEEK_DAYS[firstDay],
      },
      freezes: { banked, used },
      pausedWeeks: paused,
    };
  }

  /** Weekly-target and daily streaks, freezes and pauses, as of `today` ('YYYY-MM-DD'). */
  function streaks(sessions, settings, today) {
    const asOf = dayNumber(today);
    if (asOf === null) throw new RangeError('today must be a date written YYYY-MM-DD.');
    const chosen = settings !== null && typeof settings === 'object' ? settings : {};
    const pauses = readPauses(chosen);
    const isPaused = (day) => pauses.some((p) => p.start <= day && day <= p.end);
    const perDay = sessionsPerDay(sessions, asOf, isPaused);
    const result = weekly(perDay, asOf, targetOf(chosen), WEEK_DAYS.indexOf(weekStartSetting(chosen)), isPaused);
    const pauseToday = pauses.find((p) => p.start <= asOf && asOf <= p.end);
    return {
      weekly: result.weekly,
      daily: daily(perDay, asOf, isPaused),
      freezes: result.freezes,
      pauses: {
        today: pauseToday ? { start: isoDate(pauseToday.start), end: isoDate(pauseToday.end), kind: pauseToday.kind } : null,
        weeks: result.pausedWeeks,
      },
    };
  }

  steady.rules.streaks = { WEEK_DAYS, DEFAULT_TARGET, DEFAULT_WEEK_START, streaks };
})(globalThis.steady);
