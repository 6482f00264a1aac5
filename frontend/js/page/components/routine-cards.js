// Routines as cards: a ready-made one that opens its page, and the runner's own with Start and Edit.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const { routineMinutes, routineFormat, routineKit, kitText } = steady.labels.routines;
  const { exerciseName } = steady.labels.training;

  /** A ready-made routine as a tappable card, for the home and routine list pages. */
  function routineCard(routine, catalog) {
    return h('li', {},
      h('a', { class: 'card', href: `/routines/${routine.slug}` },
        h('span', { class: 'card-title' }, routine.name),
        h('span', { class: 'card-meta' }, `About ${routineMinutes(routine, catalog)} min · ${routine.items.length} exercises · ${routineFormat(routine)}`),
        h('span', { class: 'card-meta card-kit' }, `Kit: ${kitText(routineKit(routine, catalog))}`),
        h('span', { class: 'card-text' }, routine.summary)));
  }

  /** Roughly how long the runner's own routine takes, leaving out exercises no longer in the catalogue. */
  function ownMinutes(routine, catalog) {
    return routineMinutes({ ...routine, items: routine.items.filter((i) => catalog.exercise.has(i.exercise)) }, catalog);
  }

  /** The runner's own routines as cards with their time, Start and Edit; `onRead(count)` once they are read. */
  function customRoutineCards(catalog, { onRead = () => undefined } = {}) {
    const list = h('ul', { class: 'card-list' });
    steady.customRoutines.listRoutines().then((routines) => {
      list.replaceChildren(...(routines.length ? routines.map((r) => h('li', { class: 'card custom-routine' },
        h('span', { class: 'card-title' }, r.name),
        h('span', { class: 'card-meta' }, `About ${ownMinutes(r, catalog)} min · ${r.items.length} exercise${r.items.length === 1 ? '' : 's'} · ${routineFormat(r)}`),
        h('span', { class: 'card-text' }, r.items.map((i) => exerciseName(i.exercise, catalog)).join(', ')),
        steady.components.syncNoteLine('routine', r, `/routines/${r.id}/edit`),
        h('div', { class: 'button-row' },
          h('a', { class: 'button', href: `/routines/${r.id}/play`, 'aria-label': `Start ${r.name}` }, 'Start'),
          h('a', { class: 'button button-quiet', href: `/routines/${r.id}/edit`, 'aria-label': `Edit ${r.name}` }, 'Edit'))))
        : [h('li', { class: 'empty' }, 'None yet: build one from the exercises you like.')]));
      onRead(routines.length);
    }).catch(() => list.replaceChildren(h('li', { class: 'empty' }, 'Your routines could not be read.')));
    return list;
  }

  steady.components.routineCards = { routineCard, customRoutineCards };
})(globalThis.steady);
