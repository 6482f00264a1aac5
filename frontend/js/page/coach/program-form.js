// Every field of a program (server/catalog/content.py ProgramFile): its weeks in order, each with a
// focus and its sessions, a session being a ready-made routine and, if the coach wants, that week's
// doses for some of its exercises. Routines come from the catalogue runners are served: a program
// may name only those, and a dose only an exercise of its routine, counted as the routine counts it.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const { options } = steady.components.formFields;
  const { listEditor, selectOf, numberControl, numberOf, formSection: section, itemBasics } = steady.coachForms;

  const MEASURES = { reps: 'Reps', seconds: 'Seconds' };
  const newSession = () => ({ routine: '', doses: {} });
  const newWeek = () => ({ focus: null, sessions: [newSession()] });
  const BLANK = { name: '', summary: '', tags: [], sources: [], weeks: [newWeek()] };

  /** {slug: name} of the routines a session may name: those runners are offered, and a retired one the program already names. */
  function routineChoices(catalog, program) {
    const choices = Object.fromEntries(catalog.routines.map((r) => [r.slug, r.name]));
    for (const slug of program.weeks.flatMap((w) => w.sessions.map((s) => s.routine))) {
      const routine = catalog.routine.get(slug);
      if (routine && routine.retired) choices[slug] = `${routine.name} (retired)`;
    }
    return choices;
  }

  function exerciseName(catalog, slug) {
    const exercise = catalog.exercise.get(slug);
    return exercise ? exercise.name : slug;
  }

  /** A dose: one exercise of the session's routine (`routineOf()`), in reps or seconds. */
  function doseRow(catalog, routineOf) {
    return (value, id) => {
      const exercise = h('select', { id: `${id}-exercise`, 'data-part': 'exercise' });
      const measure = selectOf(`${id}-measure`, MEASURES, value.seconds ? 'seconds' : 'reps', { part: 'reps or seconds' });
      const amount = numberControl(`${id}-amount`, value.reps ?? value.seconds ?? null, { min: 1, 'data-part': 'amount', placeholder: 'Amount' });
      const items = () => (catalog.routine.get(routineOf()) || { items: [] }).items;
      function refresh(chosen = exercise.value) {
        const names = Object.fromEntries(items().map((item) => [item.exercise, exerciseName(catalog, item.exercise)]));
        if (chosen && !names[chosen]) names[chosen] = `${exerciseName(catalog, chosen)} (not in this routine)`;
        exercise.replaceChildren(...options(names, chosen, { blank: 'Choose an exercise…' }));
      }
      refresh(value.exercise || '');
      // The routine decides how an exercise is counted: picking one sets the measure to match.
      exercise.addEventListener('change', () => {
        const item = items().find((i) => i.exercise === exercise.value);
        if (item) measure.value = item.reps ? 'reps' : 'seconds';
      });
      return {
        controls: { '': exercise, exercise, measure, reps: amount, seconds: amount },
        node: [exercise, h('div', { class: 'studio-row-pair' }, measure, amount)],
        read: () => ({ exercise: exercise.value, dose: { [measure.value]: numberOf(amount) } }),
        refresh: () => refresh(),
      };
    };
  }

  /** Doses the body cannot carry (it keys them by exercise): one with no exercise, or a second for the same one. */
  function doseProblems(doses) {
    const seen = new Set();
    return doses.rows().flatMap((row) => {
      const { exercise } = row.read();
      const message = !exercise ? 'Choose an exercise for this dose, or remove it.'
        : seen.has(exercise) ? 'This exercise has a dose in this session already.' : null;
      seen.add(exercise);
      return message ? [{ control: row.controls[''], message }] : [];
    });
  }

  /** A session: one of `routines` ({slug: name}) and its doses that week. */
  function sessionRow(catalog, routines) {
    return (value, id) => {
      const routine = selectOf(`${id}-routine`, routines, value.routine, { blank: 'Choose a routine…', part: 'routine' });
      const doses = listEditor({
        id: `${id}-doses`, noun: 'Dose', key: (dose) => dose.exercise, addLabel: 'Add a dose', blank: () => ({}),
        values: Object.entries(value.doses || {}).map(([exercise, dose]) => ({ exercise, ...dose })),
        makeRow: doseRow(catalog, () => routine.value),
      });
      routine.addEventListener('change', () => doses.rows().forEach((row) => row.refresh()));
      return {
        controls: { '': routine, routine },
        node: [routine, h('div', { class: 'studio-doses' }, doses.node)],
        read: () => ({ routine: routine.value, doses: Object.fromEntries(doses.read().map((d) => [d.exercise, d.dose])) }),
        where: (at) => doses.where(`${at}.doses`),
        relabel: (label) => doses.relabel(label),
        problems: () => doseProblems(doses),
      };
    };
  }

  /** A week: its focus and its sessions in order. */
  function weekRow(catalog, routines) {
    return (value, id) => {
      const focus = h('input', {
        id: `${id}-focus`, type: 'text', value: value.focus || '', maxlength: 600, autocomplete: 'off',
        'data-part': 'focus', placeholder: 'The week’s focus (optional)',
      });
      const sessions = listEditor({
        id: `${id}-sessions`, noun: 'Session', values: value.sessions, makeRow: sessionRow(catalog, routines),
        blank: newSession, addLabel: 'Add a session',
      });
      return {
        controls: { '': focus, focus },
        node: [focus, sessions.node],
        read: () => ({ focus: focus.value.trim() || null, sessions: sessions.read() }),
        where: (at) => sessions.where(`${at}.sessions`),
        relabel: (label) => sessions.relabel(label),
        problems: () => sessions.rows().flatMap((session) => session.problems()),
      };
    };
  }

  /** The form's fields for `program` (a body or a served program; null for a new one); `served` is the
   * indexed catalogue runners get, whose routines the sessions name. */
  function programForm(program, { isNew, sources, served }) {
    const p = program || BLANK;
    const basics = itemBasics('program', p, { isNew, sources, example: 'core-foundations' });
    const weeks = listEditor({
      id: 'program-weeks', noun: 'Week', values: p.weeks, makeRow: weekRow(served, routineChoices(served, p)),
      blank: newWeek, addLabel: 'Add a week',
    });
    const node = [
      section('studio-about', 'About', ...basics.about),
      section('studio-weeks', 'Week by week',
        h('p', { class: 'hint' }, 'Each week has up to seven sessions, at most one a day. A dose is optional: the player prescribes it that week, or the runner’s level when that is higher.'),
        h('div', { class: 'studio-weeks' }, weeks.node)),
      section('studio-sources', 'Sources', h('p', { class: 'hint' }, 'The articles this program is written from.'), basics.sources),
    ];
    return {
      node,
      read: () => ({ ...basics.read(), weeks: weeks.read() }),
      where: () => ({ ...basics.where(), ...weeks.where('weeks') }),
      problems: () => weeks.rows().flatMap((week) => week.problems()),
    };
  }

  steady.coachForms.programForm = programForm;
})(globalThis.steady);
