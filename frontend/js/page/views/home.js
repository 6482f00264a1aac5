// Home: what Steady is, the program being followed, one tap into the routines for before and after a run, this week's count
// against the target, the runner's own routines and the ready-made ones, and the exercises by focus.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const { TAGS } = steady.labels.catalog;
  const { routineCard, customRoutineCards } = steady.components.routineCards;
  const { routineMinutes } = steady.labels.routines;

  /** This week's sessions against the weekly target, a way into the progress and plan screens. */
  function weekSlot() {
    const slot = h('div', { class: 'week-slot' });
    steady.components.streakReader.readStreaks().then(({ streaks: { weekly } }) => {
      slot.replaceChildren(h('section', { class: 'week-count', 'aria-labelledby': 'home-week' },
        h('h2', { id: 'home-week' }, 'This week'),
        h('p', {}, h('span', { class: 'stat-value' }, `${weekly.this_week} of ${weekly.target}`), ' sessions',
          weekly.current ? ` · a ${weekly.current}-week streak` : ''),
        h('p', { class: 'link-row' }, h('a', { href: '/progress' }, 'Your progress'), h('a', { href: '/plan' }, 'Plan the week around your runs'))));
    }).catch(() => undefined);
    return slot;
  }

  /** The program being followed ("Week 2 of 5 · session 1 of 3 — Start"), or a way to the programs. */
  function programSlot(catalog) {
    const slot = h('div', { class: 'program-slot' }, catalog.programs.length
      ? h('p', { class: 'link-row' }, h('a', { href: '/programs' }, 'Follow a program: weeks of sessions around your runs')) : null);
    steady.components.followedProgram(catalog).then((state) => {
      if (state) slot.replaceChildren(steady.components['programWeek'].homeCard(state, catalog));
    }).catch(() => undefined);
    return slot;
  }

  // The two short routines tied to a run (content/routines/before-a-run.toml, after-a-run.toml).
  const AROUND_A_RUN = [['before-a-run', 'Before a run'], ['after-a-run', 'After a run']];

  /** One tap from Home into the player for the routine before or after a run. */
  function aroundARun(catalog) {
    const routines = AROUND_A_RUN.filter(([slug]) => catalog.routines.some((r) => r.slug === slug));
    if (!routines.length) return null;
    return h('section', { 'aria-labelledby': 'home-run' },
      h('h2', { id: 'home-run' }, 'Around your run'),
      h('div', { class: 'run-pair' }, routines.map(([slug, label]) => h('a', { class: 'button', href: `/routines/${slug}/play` },
        label, h('span', { class: 'run-minutes' }, `About ${routineMinutes(catalog.routine.get(slug), catalog)} min`)))));
  }

  /** The runner's own routines, shown only once there is one. */
  function ownRoutines(catalog) {
    const section = h('section', { 'aria-labelledby': 'home-own', hidden: true }, h('h2', { id: 'home-own' }, 'Your routines'));
    section.append(customRoutineCards(catalog, { onRead: (count) => { section.hidden = !count; } }));
    return section;
  }

  function home({ catalog }) {
    const counts = Object.keys(TAGS).map((tag) => [tag, catalog.exercises.filter((e) => e.tags.includes(tag)).length]);
    const node = h('div', { class: 'page' },
      h('section', { class: 'hero' },
        h('h1', {}, 'Core & balance for runners'),
        h('p', {}, 'Short guided routines for a steadier stride: a stronger trunk, hips that hold, and ankles ready for any trail. Pick a routine or learn an exercise.')),
      steady.components.resumeWorkout(),
      programSlot(catalog),
      aroundARun(catalog),
      weekSlot(),
      ownRoutines(catalog),
      h('section', { 'aria-labelledby': 'home-routines' },
        h('h2', { id: 'home-routines' }, 'Ready-made routines'),
        h('ul', { class: 'card-list' }, catalog.routines.map((r) => routineCard(r, catalog)))),
      h('section', { 'aria-labelledby': 'home-focus' },
        h('h2', { id: 'home-focus' }, 'Exercises by focus'),
        h('ul', { class: 'chip-list' }, counts.map(([tag, count]) =>
          h('li', {}, h('a', { class: 'chip chip-link', href: `/exercises?tag=${tag}` }, `${TAGS[tag]} (${count})`)))),
        h('p', {}, h('a', { href: '/exercises' }, `All ${catalog.exercises.length} exercises`))),
      h('section', { 'aria-labelledby': 'home-offline' },
        h('h2', { id: 'home-offline' }, 'No signal? No problem'),
        h('p', {}, 'Once opened, Steady works without a connection. Save clips ahead of a trip to the trails.'),
        h('p', {}, h('a', { href: '/storage' }, 'Saved for offline'))));
    return { title: 'Core & balance for runners', node };
  }

  steady.views.home = home;
})(globalThis.steady);
