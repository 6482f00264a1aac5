// The training log on this device: sessions are checked by the shared rules before they are
// stored, so an impossible value never reaches the store (or the server).
(function (steady) {
  'use strict';
  const { recordStore, stamped, RecordInvalid } = steady.records;
  const store = recordStore({ store: steady.db.STORES.sessions, entity: 'session' });

  /** Raised with the rules' [{field, message}] when a session may not be stored. */
  class SessionInvalid extends RecordInvalid {}

  /** Check and store a session (new or edited); throws SessionInvalid and stores nothing if it is wrong. */
  async function saveSession(draft) {
    const record = stamped(draft);
    // "The future" is judged on the runner's own calendar, in the zone the session was in.
    const zone = steady.localTime.isKnownTimeZone(record.time_zone) ? record.time_zone : 'UTC';
    const errors = steady.rules.session.validateSession(record, steady.localTime.localDate(Date.now(), zone));
    if (errors.length) throw new SessionInvalid(errors);
    const stored = await store.put(record);
    steady.storagePersistence.sessionLogged(); // there is now something worth keeping
    return stored;
  }

  /** One session, or null. */
  function getSession(id) {
    return store.get(id);
  }

  // Plain comparisons, not localeCompare: ISO dates and instants sort as text, and years of sessions sort fast.
  function newestFirst(sessions) {
    const newer = (a, b) => (a < b) - (a > b);
    return sessions.sort((a, b) => newer(a.local_date, b.local_date) || newer(a.started_at, b.started_at));
  }

  /** Every session, most recent first. */
  async function listSessions() {
    return newestFirst(await store.list({ index: 'local_date' }));
  }

  /** Sessions dated on or after `date` ('YYYY-MM-DD'), most recent first. */
  async function listSessionsSince(date) {
    return newestFirst(await store.list({ index: 'local_date', query: IDBKeyRange.lowerBound(date) }));
  }

  /** The local date of every session, oldest first (a stored session always holds an exercise),
   * read from the date index without reading whole records: years of sessions stay quick. */
  function listSessionDates() {
    return store.indexKeys('local_date');
  }

  /** Remove a session for good. */
  async function deleteSession(id) {
    await store.delete(id);
  }

  /** Put back a session just deleted, exactly as it was (id and stamps too): a put after the delete, so sync agrees. */
  function restoreSession(record) {
    return store.put(record);
  }

  steady.sessions = { SessionInvalid, saveSession, getSession, listSessions, listSessionsSince, listSessionDates, deleteSession, restoreSession };
})(globalThis.steady);
