// The training log on this device: sessions are checked by the shared rules before they are
// stored, so an impossible value never reaches the store (or the server).
(function (steady) {
  'use strict';
  const { STORES, openDatabase } = steady.db;
  const { putWithChange, deleteWithChange, newId } = steady.outbox;

  /** Raised with the rules' [{field, message}] when a session may not be stored. */
  class SessionInvalid extends Error {
    constructor(errors) {
      super(errors.map((e) => e.message).join(' '));
      this.name = 'SessionInvalid';
      this.errors = errors;
    }
  }

  /** Check and store a session (new or edited); throws SessionInvalid and stores nothing if it is wrong. */
  async function saveSession(draft) {
    const now = steady.localTime.isoInstant(Date.now());
    const record = { ...draft, id: draft.id || newId(), created_at: draft.created_at || now, updated_at: now };
    // "The future" is judged on the runner's own calendar, in the zone the session was in.
    const zone = steady.localTime.isKnownTimeZone(record.time_zone) ? record.time_zone : 'UTC';
    const errors = steady.rules.session.validateSession(record, steady.localTime.localDate(Date.now(), zone));
    if (errors.length) throw new SessionInvalid(errors);
    const stored = await putWithChange(STORES.sessions, 'session', record, record.id);
    steady.storagePersistence.sessionLogged(); // there is now something worth keeping
    return stored;
  }

  /** One session, or null. */
  async function getSession(id) {
    const db = await openDatabase();
    return (await db.get(STORES.sessions, id)) || null;
  }

  // Plain comparisons, not localeCompare: ISO dates and instants sort as text, and years of sessions sort fast.
  function newestFirst(sessions) {
    const newer = (a, b) => (a < b) - (a > b);
    return sessions.sort((a, b) => newer(a.local_date, b.local_date) || newer(a.started_at, b.started_at));
  }

  /** Every session, most recent first. */
  async function listSessions() {
    const db = await openDatabase();
    return newestFirst(await db.getAllFromIndex(STORES.sessions, 'local_date'));
  }

  /** Sessions dated on or after `date` ('YYYY-MM-DD'), most recent first. */
  async function listSessionsSince(date) {
    const db = await openDatabase();
    return newestFirst(await db.getAllFromIndex(STORES.sessions, 'local_date', IDBKeyRange.lowerBound(date)));
  }

  /** The local date of every session, oldest first (a stored session always holds an exercise),
   * read from the date index without reading whole records: years of sessions stay quick. */
  async function listSessionDates() {
    const db = await openDatabase();
    const index = idb.unwrap(db.transaction(STORES.sessions).store.index('local_date'));
    return new Promise((resolve, reject) => {
      const dates = [];
      const request = index.openKeyCursor();
      // Plain callbacks, not a promise per step: thousands of steps.
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) {
          resolve(dates);
          return;
        }
        dates.push(cursor.key);
        cursor.continue();
      };
      request.onerror = () => reject(request.error);
    });
  }

  /** Remove a session for good. */
  async function deleteSession(id) {
    await deleteWithChange(STORES.sessions, 'session', id);
  }

  steady.sessions = { SessionInvalid, saveSession, getSession, listSessions, listSessionsSince, listSessionDates, deleteSession };
})(globalThis.steady);
