// Devices follow the catalogue: on each visit, on coming back online or into view, after each sync
// and when the worker says the catalogue changed, the device asks the server for it again (a cheap
// 304 when nothing changed). A new version replaces the one on screen only once it is stored whole;
// offline the device goes on with what it has. A check that could not reach the server while the
// device says it is online (a connection still coming up) is tried again a little later.
// Clips saved for offline follow (download-refresh.js).
(function (steady) {
  'use strict';
  const { announce } = steady.dom;
  const { fetchCatalog } = steady.catalogStore;
  const { indexCatalog } = steady.catalogIndex;

  const RETRY_MS = [2000, 10000, 30000];
  let shown = null; // the indexed catalogue the screens draw from
  let running = null;
  let again = false;
  let retries = 0;
  let retryTimer = null;

  async function refreshOnce() {
    const payload = await fetchCatalog({ fresh: true }); // stored on the device before it is used: never half a catalogue
    const previous = shown;
    const changed = payload.version !== previous.version;
    if (changed) {
      shown = indexCatalog(payload);
      steady.router.update({ catalog: shown });
      await steady.router.refresh(); // a card or list on screen shows the new content now
      announce('The exercise catalogue was updated.');
    }
    // Saved clips follow it; one that could not be saved last time is tried again.
    if ('caches' in window && (changed || await steady.downloadRefresh.anyStale())) {
      const outcome = await steady.downloadRefresh.refreshDownloads(shown, changed ? previous : null);
      if (outcome.resaved.length) await steady.router.refresh(); // "Saved for offline" is true again
    }
    if ('caches' in window && changed) await steady.downloadRefresh.keepPosters(shown);
  }

  /** Fetch the catalogue and show it if it changed; resolves when done (calls while one runs add one more round). */
  function refreshCatalog() {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await refreshOnce();
          retries = 0;
        } catch (error) {
          retryLater(); // offline or the server is down: what is shown stands
        }
      } while (again);
    })().finally(() => { running = null; });
    return running;
  }

  function retryLater() {
    clearTimeout(retryTimer);
    if (!navigator.onLine || retries >= RETRY_MS.length) return; // offline: the online event brings the next check
    retryTimer = setTimeout(refreshCatalog, RETRY_MS[retries]);
    retries += 1;
  }

  /** Start following from `catalog` (the indexed catalogue the first screen shows). */
  function followCatalog(catalog) {
    shown = catalog;
    window.addEventListener('online', () => { retries = 0; refreshCatalog(); });
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') refreshCatalog(); });
    return refreshCatalog();
  }

  steady.catalogFollow = { followCatalog, refreshCatalog };
})(globalThis.steady);
