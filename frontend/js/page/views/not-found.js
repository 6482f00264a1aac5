// What any address the screens do not know shows, and what a view shows for a slug it cannot find.
(function (steady) {
  'use strict';
  const { h } = steady.dom;

  /** The "Page not found" screen. */
  function notFound() {
    const node = h('div', { class: 'page' },
      h('h1', {}, 'Page not found'),
      h('p', {}, 'There is nothing at this address. It may have been renamed or removed.'),
      h('p', {}, h('a', { href: '/exercises' }, 'Browse exercises'), ' or ', h('a', { href: '/routines' }, 'see the routines'), '.'));
    return { title: 'Not found', node };
  }

  steady.views.notFound = notFound;
})(globalThis.steady);
