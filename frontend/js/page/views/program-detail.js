// One program (/programs/<slug>): its weeks, enrolling with a start date, and, while it is
// followed, this week's sessions placed around the runner's runs, leaving it, and what next once
// it is finished. Everything is read from and written to this device, so it works offline.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  const { programShape } = steady.labels.programs;
  const week = steady.components.programWeek;

  function doseWords(doses, catalog) {
    return Object.entries(doses || {}).map(([slug, dose]) => {
      const exercise = catalog.exercise.get(slug);
      const amount = dose.reps ? `${dose.reps} reps` : `${dose.seconds} s`;
      return `${exercise ? exercise.name : slug} ${amount}${exercise && exercise.unilateral ? ' per side' : ''}`;
    }).join(', ');
  }

  function weeksOutline(program, catalog) {
    return h('ol', { class: 'program-weeks' }, program.weeks.map((w, n) => h('li', {},
      h('h3', {}, `Week ${n + 1}`),
      w.focus ? h('p', {}, w.focus) : null,
      h('ol', { class: 'program-sessions' }, w.sessions.map((s) => h('li', {},
        h('a', { href: `/routines/${s.routine}` }, week.routineName(s.routine, catalog)),
        Object.keys(s.doses || {}).length ? h('span', { class: 'card-meta' }, `This week: ${doseWords(s.doses, catalog)}`) : null))))));
  }

  function allClipUrls(program, catalog) {
    const slugs = new Set();
    for (const w of program.weeks) {
      for (const s of w.sessions) for (const item of (catalog.routine.get(s.routine) || { items: [] }).items) slugs.add(item.exercise);
    }
    return steady.components.saveOffline.clipUrls([...slugs].map((slug) => catalog.exercise.get(slug)));
  }

  function enrolForm(program, today, context, again) {
    const error = h('p', { class: 'form-error', role: 'alert', id: 'enrol-error', hidden: true });
    const input = h('input', { type: 'date', id: 'enrol-start', name: 'start_date', value: today, required: true, 'aria-describedby': 'enrol-hint' });
    const form = h('form', { class: 'enrol-form', novalidate: true },
      h('h2', {}, again ? 'Start it again' : 'Enrol'),
      h('label', { for: 'enrol-start' }, 'Start date'),
      input,
      h('p', { class: 'hint', id: 'enrol-hint' }, 'Each program week runs seven days from this date. Following this program leaves any other you follow.'),
      error,
      h('button', { type: 'submit', class: 'button button-big' }, again ? 'Enrol again' : 'Enrol'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await steady.enrolments.enrol(program.slug, input.value, today);
        announce(`Enrolled in ${program.name}.`);
        context.navigate(`/programs/${program.slug}`, { replace: true });
      } catch (failure) {
        error.textContent = failure.errors ? failure.errors.map((e) => e.message).join(' ') : `Enrolling failed: ${failure.message}`;
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', 'enrol-hint enrol-error');
        input.focus();
      }
    });
    return form;
  }

  function following(state, catalog, context) {
    const { schedule, program, enrolment, today } = state;
    const next = schedule.next;
    const leave = steady.components.inlineConfirm({
      label: 'Leave this program', question: 'Leave it? Your sessions stay in your history; you can enrol again at any time.',
      confirmLabel: 'Leave', onConfirm: async () => {
        await steady.enrolments.leave(enrolment, today);
        announce(`You left ${program.name}.`);
        context.navigate(`/programs/${program.slug}`, { replace: true });
      },
    });
    return h('section', { class: 'program-now', 'aria-labelledby': 'program-now' },
      h('h2', { id: 'program-now' }, week.labelOf(schedule)),
      schedule.focus ? h('p', { class: 'lead' }, schedule.focus) : null,
      h('p', {}, schedule.state === 'upcoming' ? 'Its sessions are placed around your runs once the first week starts.' : schedule.message),
      next ? h('p', { class: 'start-row' }, h('a', { class: 'button button-big', href: `/routines/${next.routine}/play` },
        `Start session ${next.index + 1}: ${week.routineName(next.routine, catalog)}`)) : null,
      schedule.plan ? [h('h3', { id: 'program-days' }, 'This week, around your runs'), week.programDays(schedule, today, catalog, 'program-days'),
        h('p', { class: 'hint' }, h('a', { href: '/plan' }, 'Set your run days'), ' to place sessions around them.')] : null,
      leave);
  }

  function finished(schedule, catalog) {
    return h('section', { class: 'program-now', 'aria-labelledby': 'program-done' },
      h('h2', { id: 'program-done' }, 'Program finished'),
      h('p', { class: 'lead' }, schedule.message),
      h('p', {}, 'What next: keep the habit with these routines 3–4 times a week, or start the program again with the harder versions on each exercise card.'),
      h('ul', { class: 'card-list' }, schedule.suggestions.map((slug) => h('li', {},
        h('a', { class: 'card', href: `/routines/${slug}` }, h('span', { class: 'card-title' }, week.routineName(slug, catalog)))))));
  }

  async function fill(body, program, context) {
    const { catalog } = context;
    const settings = await steady.settings.readSettings();
    const today = steady.localTime.localDate(Date.now(), steady.settings.sessionTimeZone(settings));
    const enrolment = (await steady.enrolments.listEnrolments()).find((e) => e.program === program.slug) || null;
    const parts = [];
    // A retired program is still followed to its end by those in it, but nobody starts it afresh.
    const offer = (again) => (program.retired ? null : enrolForm(program, today, context, again));
    if (enrolment && steady.enrolments.isActive(enrolment)) {
      const state = await week.followed(catalog);
      if (state && state.program.slug === program.slug && state.schedule.state !== 'finished') parts.push(following(state, catalog, context));
      else if (state && state.schedule.state === 'finished') parts.push(finished(state.schedule, catalog), offer(true));
    } else if (enrolment) {
      const schedule = await week.scheduleOf(program, enrolment, settings, today);
      parts.push(schedule.state === 'finished' ? finished(schedule, catalog) : h('p', { class: 'notice' }, schedule.message),
        offer(true));
    } else {
      parts.push(offer(false));
    }
    body.replaceChildren(...parts.filter(Boolean));
  }

  /** The program's article; `device` (its enrolment part) adds that and saving for offline, which need it in this device's catalogue. */
  function programArticle(program, catalog, { device = null } = {}) {
    return h('article', { class: 'page program' },
      h('header', {},
        h('p', { class: 'eyebrow' }, h('a', { href: '/programs' }, 'Programs')),
        h('h1', {}, program.name),
        h('p', { class: 'dose' }, programShape(program)),
        h('p', { class: 'lead' }, program.summary),
        steady.components.catalogueNotes.retiredNote(program, 'It stays here for those following it; the programs list no longer offers it, so it cannot be started again.'),
        device ? steady.components.saveOffline.saveOfflineControl({
          key: `program:${program.slug}`, kind: 'program', slug: program.slug, title: program.name, urls: allClipUrls(program, catalog),
        }) : null),
      device,
      h('section', { 'aria-labelledby': 'program-weeks' }, h('h2', { id: 'program-weeks' }, 'Week by week'), weeksOutline(program, catalog)));
  }

  function programDetail(context) {
    const { catalog, params } = context;
    const program = catalog.program.get(params.slug);
    if (!program) return steady.views.notFound();
    const body = h('div', { class: 'program-body' }, h('p', { role: 'status' }, 'Reading your program…'));
    fill(body, program, context).catch((error) => body.replaceChildren(
      h('p', { class: 'form-error', role: 'alert' }, `The program could not be read: ${error.message}`)));
    return { title: program.name, node: programArticle(program, catalog, { device: body }) };
  }

  /** A program that is not in the catalogue yet (a studio draft), as a runner will see it. */
  function programPreview(program, catalog) {
    return programArticle(program, catalog);
  }

  steady.views.programDetail = programDetail;
  steady.views.programPreview = programPreview;
  steady.programs = { allClipUrls };
})(globalThis.steady);
