// The write path for everything that syncs: each change is stored together with an outbox entry
// in one transaction, so a change can never be on the device without being queued for sync.
(function (steady) {
  'use strict';
  const { STORES, openDatabase } = steady.db;

  /** A new record id (a v4 UUID). */
  function newId() {
    if (globalThis.crypto && crypto.randomUUID) return crypto.randomUUID();
    // Older Safari lacks randomUUID; build the same v4 layout from random bytes.
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  const listeners = new Set();

  /** Hear about each change queued on this page, once it is stored; returns a function that stops listening. */
  function watchChanges(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  function queued() {
    for (const listener of listeners) listener();
  }

  function change(entity, id, op, data) {
    return { entity, id, op, data, at: new Date().toISOString() };
  }

  /** Store a record and queue its 'put' for sync, atomically. */
  async function putWithChange(store, entity, record, id) {
    const db = await openDatabase();
    const tx = db.transaction([store, STORES.outbox], 'readwrite');
    tx.objectStore(store).put(record);
    tx.objectStore(STORES.outbox).add(change(entity, id, 'put', record));
    await tx.done;
    queued();
    return record;
  }

  /** Store many records ([{store, entity, record, id}]) and queue each one's 'put', all in one transaction: all or none. */
  async function putAllWithChanges(writes) {
    const db = await openDatabase();
    const tx = db.transaction([...new Set(writes.map((w) => w.store)), STORES.outbox], 'readwrite');
    for (const { store, entity, record, id } of writes) {
      tx.objectStore(store).put(record);
      tx.objectStore(STORES.outbox).add(change(entity, id, 'put', record));
    }
    await tx.done;
    if (writes.length) queued();
  }

  /** Remove a record and queue its 'delete' for sync, atomically. */
  async function deleteWithChange(store, entity, id) {
    const db = await openDatabase();
    const tx = db.transaction([store, STORES.outbox], 'readwrite');
    tx.objectStore(store).delete(id);
    tx.objectStore(STORES.outbox).add(change(entity, id, 'delete', null));
    await tx.done;
    queued();
  }

  /** Every change not yet synced, oldest first. */
  async function pendingChanges() {
    const db = await openDatabase();
    return db.getAll(STORES.outbox);
  }

  steady.outbox = { newId, putWithChange, putAllWithChanges, deleteWithChange, pendingChanges, watchChanges };
})(globalThis.steady);
