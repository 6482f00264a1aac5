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
    const response = await fetch('/api/catalog', { headers: { Accept: 'application/json' }, cache: fresh ? 'no-cache' : 'default' });
    if (!response.ok) throw new Error(`The exercise catalogue could not be loaded (HTTP ${response.status}).`);
    const payload = await response.json();
    await storeCatalog(payload);
    return payload;
  }

  steady.catalogStore = { readStoredCatalog, storeCatalog, fetchCatalog };
})(globalThis.steady);
