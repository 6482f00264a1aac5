// Where a runner stands in a program. Pure: plain values in, plain values out; no clock (`today`,
// 'YYYY-MM-DD', is passed in). server/progress/rules/program_schedule.py is the same rule in
// Python; tests/vectors/program_schedule.json is the one set of cases both must pass.
//
// A program's weeks are 7-day blocks from the enrolment's start date. A logged session (on or
// after the start, up to today) counts for the week it falls in when its routine is one of that
// week's sessions not yet done, first match first; the next session is the week's first one not
// done. The week's sessions are the week plan's target (rules/week-plan.js with the week starting
// on the block's first day), so they are placed around the runner's runs, and a planned day that
// passed without one moves it to a later day. A week that ends with sessions undone does not hand
// them on: the next week starts with its own. The program is finished when the last week's
// sessions are all done or the last week is over; a left program stays left, with what was done.
(function (steady) {
  'use strict';
  const { WEEK_DAYS } = steady.rules.streaks;
  const { isLocalDate } = steady.rules.jsonValues;

  const DAY_MS = 86400000;
  const dayOf = (value) => Date.UTC(+value.slice(0, 4), +value.slice(5, 7) - 1, +value.slice(8, 10)) / DAY_MS;
  const isoDate = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);
  const weekdayOf = (day) => WEEK_DAYS[(((day + 3) % 7) + 7) % 7]; // 1970-01-01 was a Thursday
  const capitalised = (word) => word[0].toUpperCase() + word.slice(1);
  const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

  function counted(sessions, start, until) {
    const found = sessions.filter((s) => isObject(s) && isLocalDate(s.local_date) && start <= s.local_date
      && s.local_date <= until && typeof s.routine === 'string');
    const key = (s) => [s.local_date, String(s.started_at ?? '')];
    return found.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      for (let i = 0; i < 2; i += 1) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
      return 0;
    });
  }

  /** [which of the week's sessions are done, the logged sessions that did them]. */
  function matched(week, logged) {
    const done = week.sessions.map(() => false);
    const used = [];
    for (const session of logged) {
      const index = week.sessions.findIndex((planned, i) => !done[i] && planned.routine === session.routine);
      if (index >= 0) {
        done[index] = true;
        used.push(session);
      }
    }
    return [done, used];
  }

  /** The enrolment today: its state, week and next session, and this week's sessions placed around runs. */
  function programSchedule(program, enrolment, sessions, settings, today) {
    if (!isLocalDate(today)) throw new RangeError('today must be a date written YYYY-MM-DD.');
    if (!isLocalDate(enrolment.start_date)) throw new RangeError("the enrolment's start date must be a date written YYYY-MM-DD.");
    const { weeks, name } = program;
    const start = dayOf(enrolment.start_date);
    const now = dayOf(today);
    const left = isLocalDate(enrolment.left_on) ? enrolment.left_on : null;
    // Sessions after the day the runner left are not the program's.
    const logged = counted(sessions, enrolment.start_date, left && left < today ? left : today);
    const blocks = weeks.map((_, w) => [start + 7 * w, start + 7 * w + 6]);
    const done = weeks.map((week, w) => matched(week, logged.filter((s) => isoDate(blocks[w][0]) <= s.local_date && s.local_date <= isoDate(blocks[w][1]))));
    const doneTotal = done.reduce((sum, [flags]) => sum + flags.filter(Boolean).length, 0);
    const total = weeks.reduce((sum, week) => sum + week.sessions.length, 0);
    const tally = `${doneTotal} of ${total} sessions done.`;
    const last = blocks[blocks.length - 1][1];
    const result = {
      program: program.slug, name, state: 'active', weeks: weeks.length, week: null,
      start_date: enrolment.start_date, end_date: isoDate(last), done_total: doneTotal,
      total, sessions: 0, done: 0, next: null, focus: null, label: '', message: '',
      plan: null, suggestions: [],
    };
    const weekIndex = Math.floor((now - start) / 7);
    if (left !== null) {
      const reached = Math.min(Math.max(Math.floor((dayOf(left) - start) / 7), 0), weeks.length - 1) + 1;
      return { ...result, state: 'left', label: `Left in week ${reached} of ${weeks.length}`, message: `You left ${name} in week ${reached} of ${weeks.length}: ${tally}` };
    }
    if ((enrolment.finished_on !== null && enrolment.finished_on !== undefined) || now > last || done[done.length - 1][0].every(Boolean)) {
      const suggestions = [...new Set(weeks[weeks.length - 1].sessions.map((s) => s.routine))];
      return { ...result, state: 'finished', label: `${name} finished`, message: `You finished ${name}: ${tally}`, suggestions };
    }
    if (weekIndex < 0) {
      return { ...result, state: 'upcoming', label: `Week 1 of ${weeks.length} starts on ${enrolment.start_date}`, message: `${name} starts on ${capitalised(weekdayOf(start))} ${enrolment.start_date}.` };
    }
    const week = weeks[weekIndex];
    const [flags, used] = done[weekIndex];
    const chosen = isObject(settings) ? settings : {};
    // Read when called: the week-plan rule travels in the plan bundle, which every user of this rule loads first.
    const plan = steady.rules['weekPlan'].weekPlan({ ...chosen, weekly_target: flags.length, week_start: weekdayOf(blocks[weekIndex][0]) }, used, today);
    const waiting = flags.map((flag, i) => (flag ? null : i)).filter((i) => i !== null);
    // The sessions not yet done, in order, on the days the plan keeps for them.
    const planned = plan.days.filter((day) => day.plan !== null);
    for (const day of plan.days) day.session = null;
    planned.forEach((day, n) => { if (n < waiting.length) day.session = { index: waiting[n], routine: week.sessions[waiting[n]].routine }; });
    const place = `Week ${weekIndex + 1} of ${weeks.length}`;
    const current = {
      ...result, week: weekIndex + 1, sessions: flags.length, done: flags.filter(Boolean).length, focus: week.focus ?? null, plan,
    };
    if (!waiting.length) {
      return { ...current, label: `${place} · all ${flags.length} sessions done`, message: `Week ${weekIndex + 2} starts on ${capitalised(weekdayOf(blocks[weekIndex + 1][0]))}.` };
    }
    const index = waiting[0];
    return {
      ...current, label: `${place} · session ${index + 1} of ${flags.length}`, message: plan.summary,
      next: { index, routine: week.sessions[index].routine, doses: week.sessions[index].doses ?? {} },
    };
  }

  steady.rules.programSchedule = { programSchedule };
})(globalThis.steady);
