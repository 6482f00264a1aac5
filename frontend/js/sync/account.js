// Which account this device syncs with, under which client id, and how far it has got. Logging
// in adopts what the device already holds: its outbox is sent under the account, records keep
// their ids, so nothing doubles. Nothing here ever deletes a record.
(function (steady) {
  'use strict';
  const { STORES, openDatabase } = steady.db;
  const KEY = 'current';

  /** This device's sync state ({user_id, client_id, next_mutation_id, cursor, signed_out, …}), or null before any account. */
  async function readSyncState() {
    return (await (await openDatabase()).get(STORES.syncState, KEY)) || null;
  }

  function freshState(userId) {
    return {
      key: KEY, user_id: userId, settings_id: steady.rules.recordIds.settingsId(userId),
      client_id: steady.outbox.newId(), next_mutation_id: 1, cursor: null, epoch: 0, signed_out: null, last_synced_at: null,
    };
  }

  // A new client: numbers given under the old one mean nothing to it, so unsent changes are numbered again.
  async function startClient(tx, state) {
    const outbox = tx.objectStore(STORES.outbox);
    for (const entry of await outbox.getAll()) if (entry.mutation && !entry.rejected) await outbox.put({ ...entry, mutation: undefined });
    await tx.objectStore(STORES.syncState).put(state);
  }

  function bookkeeping(db) {
    return db.transaction([STORES.syncState, STORES.outbox, STORES.serverRecords], 'readwrite');
  }

  /** Sync this device with account `user` ({id}) from now on; a different account than before starts a new client. */
  async function adoptDevice(user) {
    const tx = bookkeeping(await openDatabase());
    const state = await tx.objectStore(STORES.syncState).get(KEY);
    if (state && state.user_id === user.id) {
      await tx.objectStore(STORES.syncState).put({ ...state, signed_out: null });
    } else {
      await tx.objectStore(STORES.serverRecords).clear(); // versions of another account's records
      await startClient(tx, freshState(user.id));
    }
    await tx.done;
  }

  /** Stop sending: `why` is 'expired' (the server answered 401: log in again to carry on) or 'logged-out'. */
  async function stopSending(why) {
    const db = await openDatabase();
    const state = await db.get(STORES.syncState, KEY);
    if (state) await db.put(STORES.syncState, { ...state, signed_out: why });
  }

  /** A new client id, numbering from 1: the server says the old one is another account's. */
  async function replaceClient() {
    const tx = bookkeeping(await openDatabase());
    const state = await tx.objectStore(STORES.syncState).get(KEY);
    await startClient(tx, { ...state, client_id: steady.outbox.newId(), next_mutation_id: 1 });
    await tx.done;
  }

  /** Raised when this device still holds changes the account does not have, so its copy may not be cleared. */
  class UnsavedChanges extends Error {
    constructor(count) {
      super(`${count === 1 ? '1 change is' : count + ' changes are'} not saved to your account yet.`);
      this.name = 'UnsavedChanges';
      this.count = count;
    }
  }

  /** Clear the account's records from this device, in one transaction that first checks the outbox is empty. */
  async function clearDevice() {
    const stores = [...steady.syncRecords.RECORD_STORES, STORES.workout, STORES.outbox, STORES.syncState, STORES.serverRecords];
    const tx = (await openDatabase()).transaction(stores, 'readwrite');
    const left = await tx.objectStore(STORES.outbox).count();
    if (left) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new UnsavedChanges(left);
    }
    await Promise.all(stores.map((name) => tx.objectStore(name).clear()));
    await tx.done;
  }

  steady.syncAccount = { readSyncState, adoptDevice, stopSending, replaceClient, clearDevice, UnsavedChanges };
})(globalThis.steady);
