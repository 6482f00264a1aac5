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

  async function refreshCatalog(current) {
    const payload = await fetchCatalog();
    if (payload.version !== current.version) {
      const catalog = indexCatalog(payload);
      steady.router.update({ catalog });
      announce('The exercise catalogue was updated.');
      // Clips saved for offline follow the catalogue, so "Saved for offline" stays true.
      if ('caches' in window) await steady.downloadRefresh.refreshDownloads(catalog);
    }
  }

  async function boot() {
    steady.schemaNotice.watchSchemaNotice();
    steady.formDrafts.watchDrafts(document.getElementById('main'));
    steady.keepDataNotice.watchKeepDataNotice();
    steady.connection.watchConnection();
    steady.navMore.watchMoreMenu();
    steady.install.offerInstall();
    steady.syncStatus.startSyncStatus().catch((error) => console.warn('Sync could not start:', error));
    let payload = await readStoredCatalog().catch(() => null);
    if (payload) {
      refreshCatalog(payload).catch(() => undefined); // offline: the stored catalogue stands
    } else {
      payload = await fetchCatalog();
    }
    const firstScreen = steady.router.start(steady.screens, { catalog: indexCatalog(payload) });
    steady.workerClient.registerWorker({
      onCatalogUpdated: () => readStoredCatalog().then((p) => refreshCatalog(p || payload)).catch(() => undefined),
    }).catch((error) => console.warn('Service worker registration failed:', error));
    await firstScreen;
    steady.studioLink.watchStudioLink().catch(() => undefined); // no account, or offline: the link stays as last known
  }

  boot().catch(showLoadError);
})(globalThis.steady);
