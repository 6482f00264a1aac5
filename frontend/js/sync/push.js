// The push half of sync: the outbox's unsent changes, coalesced per record and numbered for this
// client, then acknowledged. A numbered change is never renumbered or changed (a retry must send
// exactly what the server may already have applied); only an acknowledged change leaves the outbox,
// and one the server rejected stays, marked with its reason.
(function (steady) {
  'use strict';
  const { STORES, openDatabase } = steady.db;
  const { entryKey, mutationOf } = steady.syncRecords;
  const BATCH = 200; // under the protocol's 500, so one push stays a quick request on a slow connection

  /** Number the unsent changes (the latest per record) and return the next batch of mutations to push. */
  async function nextBatch() {
    const db = await openDatabase();
    const tx = db.transaction([STORES.outbox, STORES.syncState, STORES.serverRecords, STORES.settings], 'readwrite');
    const outbox = tx.objectStore(STORES.outbox);
    const state = await tx.objectStore(STORES.syncState).get('current');
    const entries = await outbox.getAll();
    const fresh = entries.filter((e) => !e.mutation && !e.rejected);
    const latest = new Map(fresh.map((e) => [entryKey(e, state), e]));
    for (const entry of fresh) {
      const key = entryKey(entry, state);
      if (latest.get(key) !== entry) {
        await outbox.delete(entry.seq); // a later change to the same record carries the whole record
        entry.superseded = true;
        continue;
      }
      const server = await tx.objectStore(STORES.serverRecords).get(key);
      entry.mutation = { id: state.next_mutation_id, ...(await mutationOf(tx, entry, state, server)) };
      state.next_mutation_id += 1;
      await outbox.put(entry);
    }
    await tx.objectStore(STORES.syncState).put(state);
    await tx.done;
    return entries.filter((e) => e.mutation && !e.rejected && !e.superseded)
      .map((e) => e.mutation).sort((a, b) => a.id - b.id).slice(0, BATCH);
  }

  /** Take the server's answer to a push: acknowledged changes leave the outbox, rejected ones stay with their reason. */
  async function acknowledge({ last_mutation_id: last, rejected }) {
    const reasons = new Map(rejected.map((r) => [r.id, r.reason]));
    const db = await openDatabase();
    const tx = db.transaction([STORES.outbox, STORES.syncState], 'readwrite');
    const outbox = tx.objectStore(STORES.outbox);
    const state = await tx.objectStore(STORES.syncState).get('current');
    const entries = await outbox.getAll();
    const saved = new Set();
    for (const entry of entries) {
      if (!entry.mutation || entry.rejected || entry.mutation.id > last) continue;
      if (reasons.has(entry.mutation.id)) {
        await outbox.put({ ...entry, rejected: reasons.get(entry.mutation.id) });
      } else {
        saved.add(entryKey(entry, state));
        await outbox.delete(entry.seq);
      }
    }
    // A record saved since it was rejected needs its old rejection no more.
    for (const entry of entries) if (entry.rejected && saved.has(entryKey(entry, state))) await outbox.delete(entry.seq);
    await tx.done;
  }

  /** The server expects mutation `expected` next (it lost track of this client): number the unacknowledged changes from there. */
  async function renumber(expected) {
    const db = await openDatabase();
    const tx = db.transaction([STORES.outbox, STORES.syncState], 'readwrite');
    const outbox = tx.objectStore(STORES.outbox);
    const sent = (await outbox.getAll()).filter((e) => e.mutation && !e.rejected).sort((a, b) => a.mutation.id - b.mutation.id);
    let next = expected;
    for (const entry of sent) {
      await outbox.put({ ...entry, mutation: { ...entry.mutation, id: next } });
      next += 1;
    }
    const state = await tx.objectStore(STORES.syncState).get('current');
    await tx.objectStore(STORES.syncState).put({ ...state, next_mutation_id: next });
    await tx.done;
  }

  /** {waiting: records with changes the server has not yet taken, refused: changes it refused (kept, with their reasons)}. */
  async function outboxCounts() {
    const db = await openDatabase();
    const state = (await db.get(STORES.syncState, 'current')) || {};
    const entries = await db.getAll(STORES.outbox);
    const waiting = new Set(entries.filter((e) => !e.rejected).map((e) => entryKey(e, state))).size;
    return { waiting, refused: entries.filter((e) => e.rejected).length };
  }

  steady.syncPush = { nextBatch, acknowledge, renumber, outboxCounts };
})(globalThis.steady);
