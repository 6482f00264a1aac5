// The program being followed, as Home, the plan and the player read it: the active enrolment,
// where it stands today (rules/program-schedule.js, worked out from the local log, so offline too)
// and this week's sessions day by day around the runner's runs.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const P = steady.labels.progress;
  const RUNS = { easy: 'Easy run', hard: 'Hard run' };

  /** Where `enrolment` in `program` stands on `today`, from the local log and settings. */
  async function scheduleOf(program, enrolment, settings, today) {
    await steady.screenBundles.loadScreenBundle('plan'); // the week-plan rule the schedule builds on
    const sessions = await steady.sessions.listSessionsSince(enrolment.start_date);
    return steady.rules.programSchedule.programSchedule(program, enrolment, sessions, settings, today);
  }

  /** {enrolment, program, schedule, settings, today} for the program being followed, or null when none is.
   * A program the schedule finds finished is recorded as finished, so its history says so on every device. */
  async function followed(catalog) {
    const enrolment = await steady.enrolments.activeEnrolment();
    const program = enrolment && catalog.program.get(enrolment.program);
    if (!program) return null;
    const settings = await steady.settings.readSettings();
    const today = steady.localTime.localDate(Date.now(), steady.settings.sessionTimeZone(settings));
    const schedule = await scheduleOf(program, enrolment, settings, today);
    if (schedule.state === 'finished') await steady.enrolments.markFinished(enrolment, today);
    return { enrolment, program, schedule, settings, today };
  }

  /** The doses the week sets for `routineSlug` in the followed program ({slug: {reps} | {seconds}}), or {}. */
  function weekDoses(state, routineSlug) {
    if (!state || state.schedule.state !== 'active') return {};
    const week = state.program.weeks[state.schedule.week - 1];
    const session = week.sessions.find((s) => s.routine === routineSlug);
    return session ? session.doses || {} : {};
  }

  function routineName(slug, catalog) {
    const routine = catalog.routine.get(slug);
    return routine ? routine.name : slug;
  }

  function dayItem(day, today, catalog) {
    const isToday = day.date === today;
    const bits = [
      day.run ? h('span', { class: `chip run-${day.run}` }, RUNS[day.run]) : null,
      day.done ? h('span', { class: 'chip chip-done' }, `✓ ${P.count(day.done, 'session')} done`) : null,
    ].filter(Boolean);
    const session = day.session;
    return h('li', { class: `plan-day${isToday ? ' plan-today' : ''}${day.missed ? ' plan-missed' : ''}`, 'aria-current': isToday ? 'date' : null,
      'data-date': day.date },
    h('h3', {}, P.dateText(day.date, { weekday: true }), isToday ? h('span', { class: 'today-tag' }, ' · today') : null),
    bits.length ? h('p', { class: 'chip-row' }, bits) : null,
    session ? h('p', { class: 'program-session' }, h('strong', {}, `Session ${session.index + 1}: `), routineName(session.routine, catalog)) : null,
    day.note ? h('p', {}, day.note) : null,
    day.moved_from ? h('p', { class: 'hint' }, `Moved from ${P.dateText(day.moved_from, { weekday: true })}.`) : null,
    session && isToday ? h('a', { class: 'button', href: `/routines/${session.routine}/play` }, `Start ${routineName(session.routine, catalog)}`) : null);
  }

  /** This program week day by day: runs, what is done, and which session is placed where. */
  function programDays(schedule, today, catalog, headingId) {
    return h('ol', { class: 'plan-days', 'aria-labelledby': headingId }, schedule.plan.days.map((day) => dayItem(day, today, catalog)));
  }

  /** The schedule's label, with a start still to come written as a date in the browser's locale. */
  function labelOf(schedule) {
    if (schedule.state !== 'upcoming') return schedule.label;
    return `Week 1 of ${schedule.weeks} starts ${P.dateText(schedule.start_date, { weekday: true })}`;
  }

  /** Home's line for the program: "Week 2 of 5 · session 1 of 3 — Start", or where it stands. */
  function homeCard(state, catalog) {
    const { schedule, program } = state;
    const next = schedule.next;
    return h('section', { class: 'program-now', 'aria-labelledby': 'home-program' },
      h('h2', { id: 'home-program' }, program.name),
      h('p', { class: 'program-label' }, labelOf(schedule),
        next ? [' — ', h('a', { class: 'button', href: `/routines/${next.routine}/play` }, 'Start')] : null),
      next ? h('p', { class: 'hint' }, `Next: ${routineName(next.routine, catalog)}. ${schedule.message}`)
        : h('p', {}, schedule.state === 'upcoming' ? '' : schedule.message),
      h('p', { class: 'link-row' }, h('a', { href: `/programs/${program.slug}` },
        schedule.state === 'finished' ? 'What next' : 'This week of the program')));
  }

  steady.components.programWeek = { scheduleOf, followed, weekDoses, programDays, homeCard, labelOf, routineName };
})(globalThis.steady);
