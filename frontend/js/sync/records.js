// How each synced entity is kept on this device and on the server: its store, the id and data a
// mutation names, and how a pulled change is written back. Settings are one record per key here
// but one record per account on the server, at the id every device computes (rules/record-ids.js).
(function (steady) {
  'use strict';
  const { STORES } = steady.db;

  const STORE_OF = { session: STORES.sessions, routine: STORES.routines, settings: STORES.settings };

  /** The object store holding `entity` on this device, or undefined for one it does not keep (levels, for now). */
  function storeOf(entity) {
    return STORE_OF[entity];
  }

  /** The key of a record in the serverRecords store, and of its changes when coalescing. */
  function recordKey(entity, id) {
    return `${entity}/${id}`;
  }

  /** The server-side key of an outbox entry: every settings key is part of the one settings record. */
  function entryKey(entry, state) {
    return recordKey(entry.entity, entry.entity === 'settings' ? state.settings_id : entry.id);
  }

  /** The whole settings object (defaults filled in) as stored, read inside transaction `tx`. */
  async function wholeSettings(tx) {
    const values = structuredClone(steady.settings.DEFAULTS);
    for (const record of await tx.objectStore(STORES.settings).getAll()) if (record.key in values) values[record.key] = record.value;
    return values;
  }

  /** The mutation (without its id) that sends outbox entry `entry`, read inside `tx`; `server` is what the server last said of it. */
  async function mutationOf(tx, entry, state, server) {
    const settings = entry.entity === 'settings';
    return {
      op: settings ? 'put' : entry.op,
      entity: entry.entity,
      entity_id: settings ? state.settings_id : entry.id,
      base_version: server ? server.version : null,
      data: settings ? await wholeSettings(tx) : entry.data,
    };
  }

  /** Write a change pulled from the server ({op, entity, data}) into this device's store, inside `tx`. */
  function writePulled(tx, change) {
    const store = tx.objectStore(storeOf(change.entity));
    if (change.entity === 'settings') {
      if (change.op === 'delete') return store.clear();
      const at = steady.localTime.isoInstant(Date.now());
      return Promise.all(Object.entries(change.data).map(([key, value]) => store.put({ key, value, updated_at: at })));
    }
    return change.op === 'delete' ? store.delete(change.id) : store.put(change.data);
  }

  /** Write an outbox entry not yet on the server back over a pulled record, inside `tx`. */
  function replay(tx, entry) {
    // A numbered settings change holds the whole settings object (the earlier keys' entries were coalesced into it).
    if (entry.mutation) return writePulled(tx, { ...entry.mutation, id: entry.id });
    const store = tx.objectStore(storeOf(entry.entity));
    return entry.op === 'delete' ? store.delete(entry.id) : store.put(entry.data);
  }

  steady.syncRecords = { storeOf, recordKey, entryKey, mutationOf, writePulled, replay };
})(globalThis.steady);
