// What sync has to say about one record: the reason the server refused its last change (kept,
// never dropped), and each field whose edit lost a merge on the server, with the losing value.
// Settings are one record on the server (at the account's settings id) but one entry per key
// here, so their notes are those of every settings entry; a level's id here is its exercise, an enrolment's its program.
(function (steady) {
  'use strict';
  const { STORES, openDatabase } = steady.db;
  const { recordKey, isSlugKeyed, slugIdOf } = steady.syncRecords;
  const STAMPS = ['created_at', 'updated_at', 'since']; // a level's `since` is when it was set: a stamp too

  // Where the server's word on a record is kept: settings at the account's settings id, a level
  // (keyed by its exercise here) at the id the protocol gives it.
  async function serverKey(db, entity, id) {
    if (entity !== 'settings' && !isSlugKeyed(entity)) return recordKey(entity, id);
    const state = await db.get(STORES.syncState, 'current');
    if (!state) return null;
    return recordKey(entity, entity === 'settings' ? state.settings_id : slugIdOf(entity, id, state));
  }

  const ofRecord = (entity, id) => (entry) => entry.entity === entity && (entity === 'settings' || entry.id === id);

  /** {rejected: the server's reason or null, conflicts: {field: the value that lost}} for one record (any id for settings). */
  async function readSyncNotes(entity, id) {
    const db = await openDatabase();
    const refused = (await db.getAll(STORES.outbox)).filter((e) => ofRecord(entity, id)(e) && e.rejected).pop();
    const key = await serverKey(db, entity, id);
    const server = key && await db.get(STORES.serverRecords, key);
    // Clock stamps are no choice for the runner; the server treats them as stamps, but a record
    // merged before it did may still carry a conflict on one.
    const conflicts = Object.entries((server && server.conflicts) || {}).filter(([field]) => !STAMPS.includes(field));
    return { rejected: refused ? refused.rejected : null, conflicts: Object.fromEntries(conflicts) };
  }

  /** The runner picked a value for `field`: stop showing the other one (the put they just made tells the server). */
  async function settleConflict(entity, id, field) {
    const db = await openDatabase();
    const key = await serverKey(db, entity, id);
    const server = key && await db.get(STORES.serverRecords, key);
    if (!server || !(field in (server.conflicts || {}))) return;
    const { [field]: settled, ...rest } = server.conflicts;
    await db.put(STORES.serverRecords, { ...server, conflicts: rest });
  }

  steady.syncNotes = { readSyncNotes, settleConflict };
})(globalThis.steady);
