// Weekly-target and daily streaks. Pure: plain values in, plain values out; no storage, no DOM,
// no clock (`today`, 'YYYY-MM-DD', is passed in). server/progress/rules/streaks.py is the same
// rule in Python; tests/vectors/streaks.json is the one set of cases both must pass (and
// tests/vectors/streaks_carried.json for streaksCarried), so change them together. `streaks` is
// `streaksCarried` from nothing: one walk, so an answer resumed from a carry is the same answer.
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

  function firstOf(perDay, until) {
    let first = Infinity;
    for (const day of perDay.keys()) if (day < first && day < until) first = day;
    return first;
  }

  /** Whether a day strictly between two days (none of them logged) is not paused. */
  function gapBreaks(after, before, isPaused) {
    for (let day = after + 1; day < before; day += 1) if (!isPaused(day)) return true;
    return false;
  }

  // Walks the days with sessions before `until`, not the calendar: a gap breaks the run unless every day of it is paused.
  function daily(state, perDay, until, isPaused) {
    const days = [...perDay.keys()].filter((d) => d < until && (state.last === null || d > state.last)).sort((x, y) => x - y);
    for (const day of days) {
      if (state.last !== null && day - state.last > 1 && gapBreaks(state.last, day, isPaused)) state.current = 0;
      state.current += 1;
      state.longest = Math.max(state.longest, state.current);
      state.last = day;
    }
  }

  function met(state) {
    state.current += 1;
    state.met += 1;
    if (state.met % FREEZE_EVERY === 0) state.banked = Math.min(FREEZE_BANK, state.banked + 1);
    state.longest = Math.max(state.longest, state.current);
  }

  function weekCount(perDay, week) {
    let count = 0;
    for (let day = week; day < week + 7; day += 1) count += perDay.get(day) || 0;
    return count;
  }

  // Walks whole weeks before `until`, from the first week with a session (or where the carry stopped).
  function weekly(state, perDay, until, target, firstDay, isPaused) {
    const first = firstOf(perDay, until);
    const from = state.started ? state.week : (first === Infinity ? until : weekStartOf(first, firstDay));
    for (let week = from; week < until; week += 7) {
      state.started = true;
      let touchedByPause = false;
      for (let day = week; day < week + 7; day += 1) touchedByPause = touchedByPause || isPaused(day);
      if (weekCount(perDay, week) >= target) {
        met(state);
      } else if (touchedByPause) {
        state.paused.push(isoDate(week));
      } else if (state.banked) {
        state.banked -= 1;
        state.used.push(isoDate(week));
      } else {
        state.current = 0;
      }
    }
  }

  // What of the settings a carry depends on, as plain JSON: a carry made under others does not fit.
  function settingsRead(settings, pauses) {
    return {
      weekly_target: targetOf(settings),
      week_start: weekStartSetting(settings),
      pauses: pauses.map((p) => [isoDate(p.start), isoDate(p.end), p.kind]),
    };
  }

  function freshState(week) {
    return { week, started: false, current: 0, longest: 0, met: 0, banked: 0, used: [], paused: [],
      daily: { current: 0, longest: 0, last: null } };
  }

  /** The walk's state from a carry, or null when it was made under other settings or after this week began. */
  function stateOf(carry, read, thisWeekStart) {
    if (carry === null || typeof carry !== 'object' || JSON.stringify(carry.settings) !== JSON.stringify(read)) return null;
    const week = dayNumber(carry.week);
    if (week === null || week > thisWeekStart) return null;
    const last = carry.daily.last;
    return { ...carry.weekly, week, started: carry.started, met: carry.met, banked: carry.banked,
      used: [...carry.used], paused: [...carry.paused],
      daily: { ...carry.daily, last: last === null ? null : dayNumber(last) } };
  }

  function carryOf(state, read) {
    const last = state.daily.last;
    return { week: isoDate(state.week), settings: read, started: state.started,
      weekly: { current: state.current, longest: state.longest }, met: state.met, banked: state.banked,
      used: [...state.used], paused: [...state.paused],
      daily: { current: state.daily.current, longest: state.daily.longest, last: last === null ? null : isoDate(last) } };
  }

  /**
   * `streaks` resumed from a carry (the walk up to a week start), and the carry up to this week's
   * start: {streaks, carry}. With a carry only sessions from its week on are read (earlier ones are
   * in it); with null, the walk starts from nothing. A carry made under other target, week start or
   * pauses, or for a later week than today's, gives {streaks: null, carry: null}.
   */
  function streaksCarried(carry, sessions, settings, today) {
    const asOf = dayNumber(today);
    if (asOf === null) throw new RangeError('today must be a date written YYYY-MM-DD.');
    const chosen = settings !== null && typeof settings === 'object' ? settings : {};
    const pauses = readPauses(chosen);
    const isPaused = (day) => pauses.some((p) => p.start <= day && day <= p.end);
    const firstDay = WEEK_DAYS.indexOf(weekStartSetting(chosen));
    const target = targetOf(chosen);
    const thisWeekStart = weekStartOf(asOf, firstDay);
    const read = settingsRead(chosen, pauses);
    const state = carry === null ? freshState(thisWeekStart) : stateOf(carry, read, thisWeekStart);
    if (state === null) return { streaks: null, carry: null };
    const perDay = sessionsPerDay(sessions, asOf, isPaused);
    if (carry !== null) { // what came before the carry's week is in it
      for (const day of [...perDay.keys()]) if (day < state.week) perDay.delete(day);
    }
    // Whole weeks first: the carry is the walk as this week begins, the same whatever day of it today is.
    weekly(state, perDay, thisWeekStart, target, firstDay, isPaused);
    daily(state.daily, perDay, thisWeekStart, isPaused);
    state.week = thisWeekStart;
    const carried = carryOf(state, read);
    const count = weekCount(perDay, thisWeekStart);
    if (count >= target) met(state); // the week in progress counts once met, and is not broken until it ends
    const day = state.daily;
    daily(day, perDay, asOf + 1, isPaused);
    if (day.last !== null && gapBreaks(day.last, asOf, isPaused)) day.current = 0; // today without a session is not over yet
    const pauseToday = pauses.find((p) => p.start <= asOf && asOf <= p.end);
    return {
      streaks: {
        weekly: {
          current: state.current,
          longest: state.longest,
          target,
          this_week: count,
          this_week_met: count >= target,
          this_week_start: isoDate(thisWeekStart),
          week_start: WEEK_DAYS[firstDay],
        },
        daily: { current: day.current, longest: day.longest },
        freezes: { banked: state.banked, used: state.used },
        pauses: {
          today: pauseToday ? { start: isoDate(pauseToday.start), end: isoDate(pauseToday.end), kind: pauseToday.kind } : null,
          weeks: state.paused,
        },
      },
      carry: carried,
    };
  }

  /** Weekly-target and daily streaks, freezes and pauses, as of `today` ('YYYY-MM-DD'). */
  function streaks(sessions, settings, today) {
    return streaksCarried(null, sessions, settings, today).streaks;
  }

  steady.rules.streaks = { WEEK_DAYS, DEFAULT_TARGET, DEFAULT_WEEK_START, streaks, streaksCarried };
})(globalThis.steady);
