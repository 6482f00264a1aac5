// One store of records that sync (sessions, custom routines, settings, and each entity sync adds):
// read them, and change them only through the outbox, so every change is queued with its record.
(function (steady) {
  'use strict';
  const { openDatabase } = steady.db;
  const { putWithChange, deleteWithChange, newId } = steady.outbox;

  /** Get, list, put and delete for the records of `entity` in object store `store`, keyed by `keyPath`. */
  function recordStore({ store, entity, keyPath = 'id' }) {
    return {
      /** One record, or null. */
      async get(key) {
        const db = await openDatabase();
        return (await db.get(store, key)) || null;
      },
      /** Every record in key order, or those `query` (an IDBKeyRange) picks, in the order of `index`. */
      async list({ index, query } = {}) {
        const db = await openDatabase();
        return index ? db.getAllFromIndex(store, index, query) : db.getAll(store, query);
      },
      /** Every key of `index`, in order, read without reading whole records. */
      async indexKeys(index) {
        const db = await openDatabase();
        const source = idb.unwrap(db.transaction(store).store.index(index));
        return new Promise((resolve, reject) => {
          const keys = [];
          const request = source.openKeyCursor();
          // Plain callbacks, not a promise per step: thousands of steps.
          request.onsuccess = () => {
            const cursor = request.result;
            if (!cursor) {
              resolve(keys);
              return;
            }
            keys.push(cursor.key);
            cursor.continue();
          };
          request.onerror = () => reject(request.error);
        });
      },
      /** Store a record and queue its change. */
      put(record) {
        return putWithChange(store, entity, record, record[keyPath]);
      },
      /** Remove a record and queue its deletion. */
      delete(key) {
        return deleteWithChange(store, entity, key);
      },
    };
  }

  /** Raised with a rule's [{field, message}] when a record may not be stored; each entity names its own. */
  class RecordInvalid extends Error {
    constructor(errors) {
      super(errors.map((e) => e.message).join(' '));
      this.name = new.target.name;
      this.errors = errors;
    }
  }

  /** A draft as a record to store: a new id and created_at when it is new, updated_at always. */
  function stamped(draft) {
    const now = steady.localTime.isoInstant(Date.now());
    return { ...draft, id: draft.id || newId(), created_at: draft.created_at || now, updated_at: now };
  }

  steady.records = { recordStore, stamped, RecordInvalid };
})(globalThis.steady);
