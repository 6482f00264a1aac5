// All ready-made routines.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const { routineCard, customRoutineCards } = steady.components.routineCards;

  // "Little or no kit" is said only when it is true of most routines: one piece of kit at most.
  function littleKit(routines, catalog) {
    const light = routines.filter((r) => steady.labels.routines.routineKit(r, catalog).length <= 1).length;
    return light * 2 > routines.length;
  }

  function routineList({ catalog }) {
    const node = h('div', { class: 'page' },
      h('h1', {}, 'Routines'),
      h('p', {}, littleKit(catalog.routines, catalog)
        ? 'Ready-made sessions from coaches and physiotherapists. Most take under twenty minutes and need little or no kit.'
        : 'Ready-made sessions from coaches and physiotherapists. Most take under twenty minutes; each says the kit it needs.'),
      h('ul', { class: 'card-list' }, catalog.routines.map((r) => routineCard(r, catalog))),
      h('section', { 'aria-labelledby': 'your-routines' },
        h('div', { class: 'page-head' },
          h('h2', { id: 'your-routines' }, 'Your routines'),
          h('a', { class: 'button button-compact', href: '/routines/new' }, 'New routine')),
        customRoutineCards(catalog)));
    return { title: 'Routines', node };
  }

  steady.views.routineList = routineList;
})(globalThis.steady);
