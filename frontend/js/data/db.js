// The one owner of Steady's IndexedDB schema: its name, version, stores and upgrade ladder.
// Page code and the service worker both open the database through here and nowhere else.
(function (steady) {
  'use strict';

  const NAME = 'steady';
  const VERSION = 2;

  const STORES = {
    catalog: 'catalog', // the last catalogue payload seen, under the key 'current'
    downloads: 'downloads', // exercise and routine clips saved for offline: { key, kind, slug, urls, bytes, saved_at }
    settings: 'settings', // { key, value, updated_at }
    sessions: 'sessions', // logged sessions, by id (UUID); see rules/session.js for the shape
    routines: 'routines', // the user's own routines, by id (UUID)
    workout: 'workout', // the guided player's in-progress workout, under the key 'current'
    outbox: 'outbox', // every change to sessions, routines and settings, in order, awaiting sync
  };

  /** Each rung takes the database from one version to the next; never edit a rung once shipped. */
  function upgrade(db, oldVersion) {
    if (oldVersion < 1) {
      db.createObjectStore(STORES.catalog);
      db.createObjectStore(STORES.downloads, { keyPath: 'key' });
      db.createObjectStore(STORES.settings, { keyPath: 'key' });
    }
    if (oldVersion < 2) {
      // Only new stores: version-1 catalogue, downloads and settings are carried over untouched.
      const sessions = db.createObjectStore(STORES.sessions, { keyPath: 'id' });
      sessions.createIndex('local_date', 'local_date');
      sessions.createIndex('updated_at', 'updated_at');
      db.createObjectStore(STORES.routines, { keyPath: 'id' }).createIndex('updated_at', 'updated_at');
      db.createObjectStore(STORES.workout, { keyPath: 'key' });
      db.createObjectStore(STORES.outbox, { keyPath: 'seq', autoIncrement: true });
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
