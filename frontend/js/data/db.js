// The one owner of Steady's IndexedDB schema: its name, version, stores and upgrade ladder.
// Page code and the service worker both open the database through here and nowhere else.
(function (steady) {
  'use strict';

  const NAME = 'steady';
  const VERSION = 1;

  const STORES = {
    catalog: 'catalog', // the last catalogue payload seen, under the key 'current'
    downloads: 'downloads', // exercise and routine clips saved for offline: { key, kind, slug, urls, bytes, saved_at }
    settings: 'settings', // { key, value }
  };

  /** Each rung takes the database from one version to the next; never edit a rung once shipped. */
  function upgrade(db, oldVersion) {
    if (oldVersion < 1) {
      db.createObjectStore(STORES.catalog);
      db.createObjectStore(STORES.downloads, { keyPath: 'key' });
      db.createObjectStore(STORES.settings, { keyPath: 'key' });
    }
  }

  let opening = null;

  /** The open database (opened once per page or worker). */
  function openDatabase() {
    if (!opening) {
      opening = idb.openDB(NAME, VERSION, {
        upgrade,
        // Another tab or an updated worker wants a newer schema: let it, and reopen next time.
        blocking() { opening.then((db) => db.close()); opening = null; },
      });
    }
    return opening;
  }

  steady.db = { NAME, VERSION, STORES, upgrade, openDatabase };
})(globalThis.steady);
