// The pull half of sync: each page of the account's changes is applied in one transaction, with
// the outbox's changes the server has not yet applied written back on top, so a pull never undoes
// an edit still on its way. A reset (a full snapshot) ends by removing what the server no longer has.
(function (steady) {
  'use strict';
  const { STORES, openDatabase } = steady.db;
  const { RECORD_STORES, storeOf, recordKey, entryKey, alters, writePulled, deletePulled, replay } = steady.syncRecords;

  // After a snapshot: records this device had from the server that the snapshot did not hold are gone there; returns how many went.
  async function sweep(tx, state, pendingKeys) {
    const servers = tx.objectStore(STORES.serverRecords);
    let removed = 0;
    for (const known of await servers.getAll()) {
      if (known.epoch === state.epoch || pendingKeys.has(known.key)) continue;
      const [entity, id] = known.key.split('/');
      if (entity !== 'settings' && storeOf(entity)) {
        await deletePulled(tx, entity, id, state);
        removed += 1;
      }
      await servers.delete(known.key);
    }
    return removed;
  }

  /** Apply one pulled page ({changes, cursor, more, reset, last_mutation_id}) in one transaction; returns how many
   * records it changed on this device (its own changes coming back are not counted). */
  async function applyPage(page) {
    const db = await openDatabase();
    const tx = db.transaction([...RECORD_STORES, STORES.serverRecords, STORES.syncState, STORES.outbox], 'readwrite');
    const state = await tx.objectStore(STORES.syncState).get('current');
    const servers = tx.objectStore(STORES.serverRecords);
    if (page.reset) Object.assign(state, { epoch: (state.epoch || 0) + 1, sweeping: true });
    const touched = new Set();
    let altered = 0;
    for (const change of page.changes) {
      if (!storeOf(change.entity)) continue; // an entity this version of Steady does not keep yet
      const key = recordKey(change.entity, change.id);
      touched.add(key);
      if (await alters(tx, change, state)) altered += 1;
      await writePulled(tx, change, state);
      if (change.op === 'delete') await servers.delete(key);
      else await servers.put({ key, version: change.version, conflicts: change.conflicts || {}, epoch: state.epoch || 0 });
    }
    // The pulled state already holds every mutation up to last_mutation_id; later ones are still ours alone.
    const pending = (await tx.objectStore(STORES.outbox).getAll())
      .filter((e) => !e.rejected && !(e.mutation && e.mutation.id <= page.last_mutation_id));
    const pendingKeys = new Set(pending.map((e) => entryKey(e, state)));
    if (!page.more && state.sweeping) {
      altered += await sweep(tx, state, pendingKeys);
      state.sweeping = false;
    }
    for (const entry of pending) if (touched.has(entryKey(entry, state))) await replay(tx, entry);
    state.cursor = page.cursor;
    await tx.objectStore(STORES.syncState).put(state);
    await tx.done;
    return altered;
  }

  steady.syncPull = { applyPage };
})(globalThis.steady);
