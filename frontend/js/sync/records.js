// How each synced entity is kept on this device and on the server: its store, the id and data a
// mutation names, and how a pulled change is written back. Settings are one record per key here
// but one record per account on the server, at the id every device computes (rules/record-ids.js).
// Levels are keyed by exercise slug here (a level exists before any account) and sent at the
// deterministic id of level:<slug>, so two devices setting one exercise's level share one record;
// enrolments likewise by program slug, at enrolment:<slug>.
(function (steady) {
  'use strict';
  const { STORES } = steady.db;

  const STORE_OF = {
    session: STORES.sessions, routine: STORES.routines, settings: STORES.settings, level: STORES.levels, enrolment: STORES.enrolments,
  };
  // Entities kept here under a catalogue slug and sent at the id that slug gives in the account.
  const SLUG_KEYED = {
    level: { key: 'exercise', id: (userId, slug) => steady.rules.recordIds.levelId(userId, slug) },
    enrolment: { key: 'program', id: (userId, slug) => steady.rules.recordIds.enrolmentId(userId, slug) },
  };

  /** Every store of synced records on this device. */
  const RECORD_STORES = Object.values(STORE_OF);

  /** The object store holding `entity` on this device, or undefined for one it does not keep. */
  function storeOf(entity) {
    return STORE_OF[entity];
  }

  /** The key of a record in the serverRecords store, and of its changes when coalescing. */
  function recordKey(entity, id) {
    return `${entity}/${id}`;
  }

  /** Whether `entity` is kept here under a slug (levels, enrolments) rather than its server id. */
  function isSlugKeyed(entity) {
    return Object.hasOwn(SLUG_KEYED, entity);
  }

  /** The server's id of the slug-keyed `entity` record at `slug`, or the slug itself before any account. */
  function slugIdOf(entity, slug, state) {
    return state && state.user_id ? SLUG_KEYED[entity].id(state.user_id, slug) : slug;
  }

  /** The server's id of the level on exercise `slug`, or the slug itself before any account. */
  function levelIdOf(slug, state) {
    return slugIdOf('level', slug, state);
  }

  /** The server-side id of an outbox entry's record: every settings key is part of the one settings record. */
  function serverIdOf(entry, state) {
    if (entry.entity === 'settings') return state.settings_id;
    return isSlugKeyed(entry.entity) ? slugIdOf(entry.entity, entry.id, state) : entry.id;
  }

  /** The server-side key of an outbox entry. */
  function entryKey(entry, state) {
    return recordKey(entry.entity, serverIdOf(entry, state));
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
      entity_id: serverIdOf(entry, state),
      base_version: server ? server.version : null,
      data: settings ? await wholeSettings(tx) : entry.data,
    };
  }

  /** Remove the record the server knows as `entity`/`id` from this device's store, inside `tx`. */
  async function deletePulled(tx, entity, id, state) {
    const store = tx.objectStore(storeOf(entity));
    if (!isSlugKeyed(entity)) return store.delete(id);
    // The server names a level (or enrolment) by its id; here it is keyed by slug, so find the slug with that id.
    const { key } = SLUG_KEYED[entity];
    for (const record of await store.getAll()) if (slugIdOf(entity, record[key], state) === id) await store.delete(record[key]);
    return undefined;
  }

  // JSON values compared by content: PostgreSQL hands objects back with their keys reordered.
  function sameValue(a, b) {
    if (a === b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameValue(a[key], b[key]));
  }

  /** Whether writing pulled `change` would alter what this device shows (not just echo its own change back), read inside `tx`. */
  async function alters(tx, change, state) {
    const store = tx.objectStore(storeOf(change.entity));
    if (change.entity === 'settings') {
      const stored = Object.fromEntries((await store.getAll()).map((r) => [r.key, r.value]));
      if (change.op === 'delete') return Object.keys(stored).length > 0;
      return Object.entries(change.data).some(([key, value]) => !(key in stored
        ? sameValue(stored[key], value) : sameValue(steady.settings.DEFAULTS[key], value)));
    }
    if (isSlugKeyed(change.entity)) {
      const { key } = SLUG_KEYED[change.entity];
      if (change.op !== 'delete') return !sameValue(await store.get(change.data[key]), change.data);
      return (await store.getAll()).some((record) => slugIdOf(change.entity, record[key], state) === change.id);
    }
    const stored = await store.get(change.id);
    return change.op === 'delete' ? stored !== undefined : !sameValue(stored, change.data);
  }

  /** Write a change pulled from the server ({op, entity, id, data}) into this device's store, inside `tx`. */
  function writePulled(tx, change, state) {
    const store = tx.objectStore(storeOf(change.entity));
    if (change.entity === 'settings') {
      if (change.op === 'delete') return store.clear();
      const at = steady.localTime.isoInstant(Date.now());
      return Promise.all(Object.entries(change.data).map(([key, value]) => store.put({ key, value, updated_at: at })));
    }
    return change.op === 'delete' ? deletePulled(tx, change.entity, change.id, state) : store.put(change.data);
  }

  /** Write an outbox entry not yet on the server back over a pulled record, inside `tx`. */
  function replay(tx, entry) {
    // A numbered settings change holds the whole settings object (the earlier keys' entries were coalesced into it).
    if (entry.mutation && entry.entity === 'settings') return writePulled(tx, { ...entry.mutation, id: entry.id });
    const store = tx.objectStore(storeOf(entry.entity));
    return entry.op === 'delete' ? store.delete(entry.id) : store.put(entry.data);
  }

  steady.syncRecords = { RECORD_STORES, storeOf, recordKey, isSlugKeyed, slugIdOf, levelIdOf, entryKey, mutationOf, alters, writePulled, deletePulled, replay };
})(globalThis.steady);
