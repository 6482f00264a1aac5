// A studio screen that could not load what it shows: offline, logged out, not a coach, not found.
// Said in the page, with the way forward (try again, log in, back to the studio).
(function (steady) {
  'use strict';
  const { h } = steady.dom;

  /** The notice for a failed load (an ApiError), with Try again (`retry`) when a connection is all it needs. */
  function studioNotice(error, { retry, doing = 'The studio' }) {
    const { text, login } = steady.labels.coach.failureWords(error, doing);
    const offline = error.offline || error.timedOut;
    return h('div', { class: offline ? 'offline-note studio-notice' : 'form-error studio-notice', role: 'alert' },
      h('p', {}, text),
      login ? h('p', {}, h('a', { class: 'button', href: '/login' }, 'Log in')) : null,
      offline && retry ? h('p', {}, h('button', { type: 'button', class: 'button', onclick: retry }, 'Try again')) : null,
      error.status === 404 ? h('p', {}, h('a', { href: '/coach' }, 'Back to the studio')) : null);
  }

  steady.components.studioNotice = studioNotice;
})(globalThis.steady);
