// Routines as cards: a ready-made one that opens its page, and the runner's own with Start and Edit.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const { routineMinutes, routineFormat } = steady.labels.routines;
  const { exerciseName } = steady.labels.training;

  /** A ready-made routine as a tappable card, for the home and routine list pages. */
  function routineCard(routine, catalog) {
    return h('li', {},
      h('a', { class: 'card', href: `/routines/${routine.slug}` },
        h('span', { class: 'card-title' }, routine.name),
        h('span', { class: 'card-meta' }, `About ${routineMinutes(routine, catalog)} min · ${routine.items.length} exercises · ${routineFormat(routine)}`),
        h('span', { class: 'card-text' }, routine.summary)));
  }

  /** The runner's own routines as cards with Start and Edit, for the routine list. */
  function customRoutineCards(catalog) {
    const list = h('ul', { class: 'card-list' });
    steady.customRoutines.listRoutines().then((routines) => {
      list.replaceChildren(...(routines.length ? routines.map((r) => h('li', { class: 'card custom-routine' },
        h('span', { class: 'card-title' }, r.name),
        h('span', { class: 'card-meta' }, `${r.items.length} exercise${r.items.length === 1 ? '' : 's'} · ${routineFormat(r)}`),
        h('span', { class: 'card-text' }, r.items.map((i) => exerciseName(i.exercise, catalog)).join(', ')),
        steady.components.syncNoteLine('routine', r, `/routines/${r.id}/edit`),
        h('div', { class: 'button-row' },
          h('a', { class: 'button', href: `/routines/${r.id}/play`, 'aria-label': `Start ${r.name}` }, 'Start'),
          h('a', { class: 'button button-quiet', href: `/routines/${r.id}/edit`, 'aria-label': `Edit ${r.name}` }, 'Edit'))))
        : [h('li', { class: 'empty' }, 'None yet: build one from the exercises you like.')]));
    }).catch(() => list.replaceChildren(h('li', { class: 'empty' }, 'Your routines could not be read.')));
    return list;
  }

  steady.components.routineCards = { routineCard, customRoutineCards };
})(globalThis.steady);
