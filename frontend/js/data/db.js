// The one owner of Steady's IndexedDB schema: its name, version, stores and upgrade ladder.
// Page code and the service worker both open the database through here and nowhere else.
(function (steady) {
  'use strict';

  const NAME = 'steady';
  const VERSION = 5;

  const STORES = {
    catalog: 'catalog', // the last catalogue payload seen, under the key 'current'
    downloads: 'downloads', // exercise and routine clips saved for offline: { key, kind, slug, urls, bytes, saved_at }
    settings: 'settings', // { key, value, updated_at }
    sessions: 'sessions', // logged sessions, by id (UUID); see rules/session.js for the shape
    routines: 'routines', // the user's own routines, by id (UUID)
    workout: 'workout', // the guided player's in-progress workout, under the key 'current'
    outbox: 'outbox', // every change to sessions, routines, settings, levels and enrolments, in order, awaiting sync
    syncState: 'syncState', // under the key 'current': the account, client id, next mutation id and pull cursor
    serverRecords: 'serverRecords', // what the server last said of each record: { key: 'entity/id', version, conflicts, epoch }
    levels: 'levels', // the runner's progression level per exercise, keyed by the exercise's slug; see rules/level.js
    enrolments: 'enrolments', // the runner's enrolment per program, keyed by the program's slug; see rules/enrolment.js
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
    if (oldVersion < 3) {
      // Sync's own bookkeeping, beside the records it never touches: every version-2 store is kept as it is.
      db.createObjectStore(STORES.syncState, { keyPath: 'key' });
      db.createObjectStore(STORES.serverRecords, { keyPath: 'key' });
    }
    if (oldVersion < 4) {
      // Keyed by the exercise's slug, not the synced id: a level is set before any account exists, and
      // the id (UUIDv5 of level:<slug> in the account's namespace) follows from the slug once one does.
      db.createObjectStore(STORES.levels, { keyPath: 'exercise' });
    }
    if (oldVersion < 5) {
      // Keyed by the program's slug, as levels are by exercise: the synced id is UUIDv5 of enrolment:<slug>.
      db.createObjectStore(STORES.enrolments, { keyPath: 'program' });
    }
  }

  /** Raised by every read and write once another tab has moved the database to a newer schema. */
  class SchemaSuperseded extends Error {
    constructor() {
      super('Steady was updated in another tab — reload to continue.');
      this.name = 'SchemaSuperseded';
    }
  }

  let opening = null;
  let superseded = null;
  let waitingOnOtherTab = false;
  const listeners = new Set();

  function tell(state) {
    for (const listener of listeners) listener(state);
  }

  /** Hear about the database's state as other tabs change it: 'superseded' (a newer schema is open
   * elsewhere: this page must reload), 'blocked' (our upgrade waits for an older tab to close) and
   * 'ready' (the wait is over). Returns a function that stops listening. */
  function watchSchema(listener) {
    listeners.add(listener);
    if (superseded) listener('superseded');
    else if (waitingOnOtherTab) listener('blocked');
    return () => listeners.delete(listener);
  }

  function supersede() {
    if (superseded) return;
    superseded = new SchemaSuperseded();
    tell('superseded');
  }

  /** The open database (opened once per page or worker); rejects with SchemaSuperseded once another
   * tab runs a newer schema, so no write can be lost silently. */
  function openDatabase() {
    if (superseded) return Promise.reject(superseded);
    if (!opening) {
      const attempt = idb.openDB(NAME, VERSION, {
        upgrade,
        blocked() {
          waitingOnOtherTab = true;
          tell('blocked');
        },
        // Another tab or an updated worker wants a newer schema: let it (closing at once), and stop writing.
        blocking() {
          attempt.then((db) => db.close());
          supersede();
        },
        // The browser closed the connection (storage cleared, a crash): open again on the next call.
        terminated() { if (opening === attempt) opening = null; },
      });
      opening = attempt.then((db) => {
        if (waitingOnOtherTab) {
          waitingOnOtherTab = false;
          tell('ready');
        }
        return db;
      }, (error) => {
        opening = null;
        // The database on disk is newer than this page's code: another tab has updated Steady.
        if (error && error.name === 'VersionError') supersede();
        throw superseded || error;
      });
    }
    return opening;
  }

  steady.db = { NAME, VERSION, STORES, upgrade, openDatabase, watchSchema, SchemaSuperseded };
})(globalThis.steady);
