// Saying plainly, once, where the browser will delete the training log of a site left unopened
// (Safari and every iOS browser, unless Steady is installed), and what to do about it.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const SHOWN_KEY = 'steady.keepDataNoticeShown';

  /** The explanation and what to do, as paragraphs (the Storage screen shows them too). */
  function keepDataText() {
    return [
      h('p', {}, 'This browser deletes a website’s data when you have not opened it for 7 days — your training log with it. '
        + 'An injury break is exactly when that happens.'),
      h('p', {}, 'To keep it, install Steady: tap Share, then “Add to Home Screen” (on a Mac: File, then “Add to Dock”). '
        + 'Installed, Steady keeps your data for as long as it stays on the device.'),
      h('p', {}, h('a', { href: '/register' }, 'Create an account'), ' to back it up as well.'),
    ];
  }

  function show() {
    localStorage.setItem(SHOWN_KEY, new Date().toISOString());
    // It says how to install as well: iOS Safari's install hint would only sit under it, half hidden.
    document.querySelectorAll('[data-install-hint]').forEach((hint) => hint.remove());
    const banner = h('div', { class: 'banner banner-stacked', role: 'region', 'aria-label': 'Keep your training log' },
      h('div', {}, ...keepDataText()),
      h('button', { type: 'button', class: 'button button-quiet', onclick: () => banner.remove() }, 'Got it'));
    document.body.append(banner);
  }

  /** After a session is logged, tell runners whose browser clears unused sites — once per device. */
  function watchKeepDataNotice() {
    globalThis.addEventListener('steady:session-logged', () => {
      if (steady.storagePersistence.clearsUnusedSites() && !localStorage.getItem(SHOWN_KEY)) show();
    });
  }

  steady.keepDataNotice = { watchKeepDataNotice, keepDataText };
})(globalThis.steady);
