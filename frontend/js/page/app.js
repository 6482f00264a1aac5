// Boot: render from the catalogue on this device at once, refresh it from the network, and
// switch on the offline machinery (worker, connection indicator, install prompt).
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  const { readStoredCatalog, fetchCatalog } = steady.catalogStore;
  const { indexCatalog } = steady.catalogIndex;

  function showLoadError(error) {
    const offline = !navigator.onLine;
    document.getElementById('main').replaceChildren(h('div', { class: 'page', role: 'alert' },
      h('h1', {}, 'Steady could not load'),
      h('p', {}, offline
        ? 'You are offline, and this device has not stored the exercises yet. Open Steady once with a connection and it will work offline from then on.'
        : error.message || String(error)),
      h('button', { type: 'button', class: 'button', onclick: () => location.reload() }, 'Try again')));
  }

  /** A first visit's catalogue, from the network. After a while the "Loading…" line says what the
   * wait is for: alone it looks stuck on a slow connection. */
  async function firstDownload() {
    const timer = setTimeout(() => {
      const status = document.querySelector('#main > .status-message');
      if (status) status.textContent = 'Downloading the exercises for the first time. On a slow connection this takes a while; once they are here, Steady works offline.';
    }, 8000);
    try {
      return await fetchCatalog();
    } finally {
      clearTimeout(timer);
    }
  }

  async function boot() {
    steady.schemaNotice.watchSchemaNotice();
    steady.formDrafts.watchDrafts(document.getElementById('main'));
    steady.keepDataNotice.watchKeepDataNotice();
    steady.connection.watchConnection();
    steady.navMore.watchMoreMenu();
    steady.router.listen(steady.screens);
    steady.install.offerInstall();
    steady.syncStatus.startSyncStatus().catch((error) => console.warn('Sync could not start:', error));
    const stored = await readStoredCatalog().catch(() => null);
    const catalog = indexCatalog(stored || await firstDownload());
    const firstScreen = steady.router.start(steady.screens, { catalog });
    // A stored catalogue is drawn at once and checked behind it (offline, it stands).
    steady.catalogFollow.followCatalog(catalog);
    steady.workerClient.registerWorker({ onCatalogUpdated: steady.catalogFollow.refreshCatalog })
      .catch((error) => console.warn('Service worker registration failed:', error));
    await firstScreen;
    steady.studioLink.watchStudioLink().catch(() => undefined); // no account, or offline: the link stays as last known
  }

  boot().catch(showLoadError);
})(globalThis.steady);
