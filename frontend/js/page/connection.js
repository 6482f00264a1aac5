// The always-visible online/offline indicator, announced when it changes.
(function (steady) {
  'use strict';
  const { announce } = steady.dom;

  function show(online, { speak }) {
    const badge = document.getElementById('connection');
    if (!badge) return;
    badge.dataset.state = online ? 'online' : 'offline';
    badge.textContent = online ? 'Online' : 'Offline';
    if (speak) announce(online ? 'Back online.' : 'You are offline. Steady keeps working on this device.');
  }

  /** Keep the indicator in step with the browser's connection state. */
  function watchConnection() {
    show(navigator.onLine, { speak: false });
    window.addEventListener('online', () => show(true, { speak: true }));
    window.addEventListener('offline', () => show(false, { speak: true }));
  }

  steady.connection = { watchConnection };
})(globalThis.steady);
