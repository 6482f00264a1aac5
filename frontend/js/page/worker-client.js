// Registers the service worker and offers "A new version is ready — Reload" when one is waiting.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;

  // Set when the runner presses Reload; only then does a change of worker reload the page.
  let updateAccepted = false;

  function showUpdatePrompt(worker) {
    if (document.getElementById('update-banner')) return;
    const accept = () => {
      updateAccepted = true;
      worker.postMessage({ type: 'SKIP_WAITING' });
    };
    const banner = h('div', { id: 'update-banner', class: 'banner', role: 'region', 'aria-label': 'Update' },
      h('p', {}, 'A new version is ready.'),
      h('button', { type: 'button', class: 'button', onclick: accept }, 'Reload'));
    document.body.append(banner);
    announce('A new version of Steady is ready. Reload to use it.');
  }

  /** Register /sw.js and wire up the update prompt and catalogue-change messages. */
  async function registerWorker({ onCatalogUpdated }) {
    if (!('serviceWorker' in navigator)) return;
    let reloading = false;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      // The very first install takes control quietly; an accepted update reloads once.
      if (!updateAccepted || reloading) return;
      reloading = true;
      location.reload();
    });
    navigator.serviceWorker.addEventListener('message', (event) => {
      if (event.data && event.data.type === 'CATALOG_UPDATED') onCatalogUpdated();
    });
    const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    const offer = (worker) => { if (worker && navigator.serviceWorker.controller) showUpdatePrompt(worker); };
    offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const incoming = registration.installing;
      incoming.addEventListener('statechange', () => { if (incoming.state === 'installed') offer(incoming); });
    });
    // Long-lived tabs (an installed app left open) still notice deploys.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => undefined);
    });
  }

  steady.workerClient = { registerWorker };
})(globalThis.steady);
