// The runner's own routines first, then the ready-made ones.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const { routineCard, customRoutineCards } = steady.components.routineCards;

  function routineList({ catalog }) {
    const node = h('div', { class: 'page' },
      h('h1', {}, 'Routines'),
      h('section', { 'aria-labelledby': 'your-routines' },
        h('div', { class: 'page-head' },
          h('h2', { id: 'your-routines' }, 'Your routines'),
          h('a', { class: 'button button-compact', href: '/routines/new' }, 'New routine')),
        customRoutineCards(catalog)),
      h('section', { 'aria-labelledby': 'ready-routines' },
        h('h2', { id: 'ready-routines' }, 'Ready-made'),
        h('p', {}, 'Sessions from coaches and physiotherapists. Most take under twenty minutes and need little or no kit.'),
        h('ul', { class: 'card-list' }, catalog.routines.map((r) => routineCard(r, catalog)))));
    return { title: 'Routines', node };
  }

  steady.views.routineList = routineList;
})(globalThis.steady);
