// The week planned around runs (/plan): this week's target, what is done and what is left, day
// by day, with sessions placed around the runner's easy and hard runs; a missed day's session
// moves rather than piling up; while a program is followed, its week's sessions are what is placed.
// Worked out on the device from the local log, so it works offline.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const P = steady.labels.progress;

  // The ready-made routine a planned day starts with one tap: leg work, or core and balance only.
  const ROUTINES = { full: 'hip-and-foot-stabilisers', core: 'core-staples' };
  const RUNS = { easy: 'Easy run', hard: 'Hard run' };

  function startLink(day, catalog) {
    const slug = ROUTINES[day.plan];
    const routine = catalog.routines.find((r) => r.slug === slug);
    return routine
      ? h('a', { class: 'button', href: `/routines/${slug}/play`, id: `start-${day.date}` }, `Start ${routine.name}`)
      : h('a', { class: 'button', href: '/routines', id: `start-${day.date}` }, 'Choose a routine');
  }

  function dayItem(day, { today, chosen, catalog }) {
    const isToday = day.date === today;
    const bits = [
      day.run ? h('span', { class: `chip run-${day.run}` }, RUNS[day.run]) : null,
      day.done ? h('span', { class: 'chip chip-done' }, `✓ ${P.count(day.done, 'session')} done`) : null,
    ].filter(Boolean);
    const moved = day.moved_from ? h('p', { class: 'hint' }, `Moved from ${P.dateText(day.moved_from, { weekday: true })}.`) : null;
    const start = day.plan && (isToday || day.date === chosen) && day.date >= today ? startLink(day, catalog) : null;
    return h('li', { class: `plan-day${isToday ? ' plan-today' : ''}${day.missed ? ' plan-missed' : ''}`, 'aria-current': isToday ? 'date' : null },
      h('h3', {}, P.dateText(day.date, { weekday: true }), isToday ? h('span', { class: 'today-tag' }, ' · today') : null),
      bits.length ? h('p', { class: 'chip-row' }, bits) : null,
      day.note ? h('p', {}, day.note) : null, moved, start);
  }

  async function fill(body, { catalog, query }) {
    const [dates, settings] = await Promise.all([steady.sessions.listSessionDates(), steady.settings.readSettings()]);
    const today = steady.localTime.localDate(Date.now(), steady.settings.sessionTimeZone(settings));
    const sessions = dates.map((date) => ({ local_date: date }));
    const chosen = query.get('day');
    // A program being followed fills the week's target with its own sessions (rules/program-schedule.js).
    let program = await steady.components.followedProgram(catalog).catch(() => null);
    const week = h('div', { class: 'plan-week' });
    const reminders = h('div', { class: 'plan-reminders-slot' });

    // The run-days editor stays put while the week and reminders are drawn again around it.
    function draw() {
      const { weekPlan } = steady.rules.weekPlan;
      const plan = weekPlan(settings, sessions, today);
      const nextStart = new Date(Date.parse(`${plan.week_start}T00:00:00Z`) + 7 * 86400000).toISOString().slice(0, 10);
      const following = program && program.schedule.plan;
      week.replaceChildren(...(following ? [
        h('p', { class: 'lede' }, program.schedule.plan.summary),
        h('p', { class: 'program-label' }, h('a', { href: `/programs/${program.program.slug}` }, program.program.name), ` · ${program.schedule.label}`),
        h('p', { class: 'hint' }, 'Program weeks run seven days from the day you started it.'),
        h('h2', { id: 'plan-days' }, 'Day by day'),
        steady.components['programWeek'].programDays(program.schedule, today, catalog, 'plan-days'),
      ] : [
        h('p', { class: 'lede' }, plan.summary),
        h('p', { class: 'hint' }, `Calendar weeks from ${P.WEEK_DAYS[settings.week_start]}, not rolling 7-day windows.`),
        h('h2', { id: 'plan-days' }, 'Day by day'),
        h('ol', { class: 'plan-days', 'aria-labelledby': 'plan-days' }, plan.days.map((day) => dayItem(day, { today, chosen, catalog })))]));
      reminders.replaceChildren(steady.components.calendarLinks.calendarLinks([plan, weekPlan(settings, [], nextStart)], today));
    }

    async function save(runs, control) {
      const errors = steady.rules.settings.validateSettings({ ...settings, runs }).filter((e) => e.field.startsWith('runs'));
      if (errors.length) {
        control.setAttribute('aria-invalid', 'true');
        return false;
      }
      settings.runs = runs;
      await steady.settings.saveSetting('runs', runs);
      if (program) program = await steady.components.followedProgram(catalog).catch(() => null);
      draw();
      return true;
    }

    draw();
    body.replaceChildren(week, steady.components.runDays.runDays(settings, save), reminders);
    const start = chosen && document.getElementById(`start-${chosen}`);
    if (start) start.focus();
  }

  /** The plan screen. */
  function planView(shared) {
    const body = h('div', { class: 'plan-body' }, h('p', { role: 'status' }, 'Planning your week…'));
    fill(body, shared).catch((error) => body.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, `The plan could not be made: ${error.message}`)));
    return { title: 'Your week', node: h('div', { class: 'page plan' }, h('h1', {}, 'Your week'), body) };
  }

  steady.views.plan = planView;
})(globalThis.steady);
