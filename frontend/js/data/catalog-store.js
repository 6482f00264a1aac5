// The catalogue kept on the device: read from IndexedDB first, refreshed from the network.
(function (steady) {
  'use strict';
  const { STORES, openDatabase } = steady.db;

  /** The catalogue payload stored on this device, or null. */
  async function readStoredCatalog() {
    const db = await openDatabase();
    return (await db.get(STORES.catalog, 'current')) || null;
  }

  /** Keep a catalogue payload on this device, replacing the previous one. */
  async function storeCatalog(payload) {
    const db = await openDatabase();
    await db.put(STORES.catalog, payload, 'current');
  }

  /** Fetch the catalogue (through the worker, if any) and store it; `fresh` asks the server itself, never the worker's copy. */
  async function fetchCatalog({ fresh = false } = {}) {
    // The browser's own words for a lost connection ("Failed to fetch", "Load failed") or a cut-off
    // body ("Unexpected end of JSON input") tell a runner nothing: these say what happened.
    const response = await fetch('/api/catalog', { headers: { Accept: 'application/json' }, cache: fresh ? 'no-cache' : 'default' })
      .catch(() => { throw new Error('The exercises could not be downloaded: the connection to Steady was lost. Check it, then try again.'); });
    if (!response.ok) throw new Error(`The exercise catalogue could not be loaded (HTTP ${response.status}).`);
    const payload = await response.json()
      .catch(() => { throw new Error('The exercises arrived incomplete: the connection was cut off. Try again.'); });
    await storeCatalog(payload);
    return payload;
  }

  steady.catalogStore = { readStoredCatalog, storeCatalog, fetchCatalog };
})(globalThis.steady);
