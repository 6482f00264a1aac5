// What a screen in a screen bundle shows when its code is not on this device yet and cannot be
// fetched: the worker saves every screen bundle just after the first visit, so this is rare.
(function (steady) {
  'use strict';
  const { h } = steady.dom;

  /** "This screen needs a connection the first time", with a button that tries again (`retry`). */
  function needsConnection({ retry }) {
    const node = h('div', { class: 'page', role: 'alert' },
      h('h1', {}, 'This screen needs a connection the first time'),
      h('p', {}, 'Steady has not saved this screen on this device yet. Open it once with a connection and it will work offline from then on.'),
      h('button', { type: 'button', class: 'button', onclick: retry }, 'Try again'));
    return { title: 'Needs a connection', node };
  }

  steady.views.needsConnection = needsConnection;
})(globalThis.steady);
