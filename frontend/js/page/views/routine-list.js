// The runner's own routines first, then the ready-made ones.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const { routineCard, customRoutineCards } = steady.components.routineCards;

  // What the list says of most routines is said only when it is true of more than half of them.
  function overview(routines, catalog) {
    const most = (test) => routines.filter(test).length * 2 > routines.length;
    const short = most((r) => steady.labels.routines.routineMinutes(r, catalog) < 20);
    const light = most((r) => steady.labels.routines.routineKit(r, catalog).length <= 1);
    const said = short && light ? 'Most take under twenty minutes and need little or no kit.'
      : short ? 'Most take under twenty minutes; each says the kit it needs.'
        : light ? 'Most need little or no kit; each says how long it takes.' : 'Each says how long it takes and the kit it needs.';
    return `Sessions from coaches and physiotherapists. ${said}`;
  }

  function routineList({ catalog }) {
    const node = h('div', { class: 'page' },
      h('h1', {}, 'Routines'),
      catalog.programs.length ? h('p', { class: 'link-row' }, h('a', { href: '/programs' }, 'Programs: a block of weeks to follow')) : null,
      h('section', { 'aria-labelledby': 'your-routines' },
        h('div', { class: 'page-head' },
          h('h2', { id: 'your-routines' }, 'Your routines'),
          h('a', { class: 'button button-compact', href: '/routines/new' }, 'New routine')),
        customRoutineCards(catalog)),
      h('section', { 'aria-labelledby': 'ready-routines' },
        h('h2', { id: 'ready-routines' }, 'Ready-made'),
        h('p', { class: 'routines-overview' }, overview(catalog.routines, catalog)),
        h('ul', { class: 'card-list' }, catalog.routines.map((r) => routineCard(r, catalog)))));
    return { title: 'Routines', node };
  }

  steady.views.routineList = routineList;
})(globalThis.steady);
