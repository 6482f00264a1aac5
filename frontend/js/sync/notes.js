// What sync has to say about one record: the reason the server refused its last change (kept,
// never dropped), and each field whose edit lost a merge on the server, with the losing value.
(function (steady) {
  'use strict';
  const { STORES, openDatabase } = steady.db;
  const { recordKey } = steady.syncRecords;
  const STAMPS = ['created_at', 'updated_at'];

  /** {rejected: the server's reason or null, conflicts: {field: the value that lost}} for one record. */
  async function readSyncNotes(entity, id) {
    const db = await openDatabase();
    const refused = (await db.getAll(STORES.outbox)).filter((e) => e.entity === entity && e.id === id && e.rejected).pop();
    const server = await db.get(STORES.serverRecords, recordKey(entity, id));
    // Clock stamps are no choice for the runner; the server treats them as stamps, but a record
    // merged before it did may still carry a conflict on one.
    const conflicts = Object.entries((server && server.conflicts) || {}).filter(([field]) => !STAMPS.includes(field));
    return { rejected: refused ? refused.rejected : null, conflicts: Object.fromEntries(conflicts) };
  }

  /** The runner picked a value for `field`: stop showing the other one (the put they just made tells the server). */
  async function settleConflict(entity, id, field) {
    const db = await openDatabase();
    const server = await db.get(STORES.serverRecords, recordKey(entity, id));
    if (!server || !(field in (server.conflicts || {}))) return;
    const { [field]: settled, ...rest } = server.conflicts;
    await db.put(STORES.serverRecords, { ...server, conflicts: rest });
  }

  steady.syncNotes = { readSyncNotes, settleConflict };
})(globalThis.steady);
