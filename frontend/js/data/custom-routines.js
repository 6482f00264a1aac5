// The runner's own routines: the same shape as a catalogue routine (so the player and the
// timeline treat both alike), plus an id, and checked by the shared rule (rules/routine.js)
// before they are stored.
(function (steady) {
  'use strict';
  const { recordStore, stamped, RecordInvalid } = steady.records;
  const store = recordStore({ store: steady.db.STORES.routines, entity: 'routine' });

  /** Raised with [{field, message}] when a routine may not be stored. */
  class RoutineInvalid extends RecordInvalid {}

  /** Check and store a routine (new or edited); throws RoutineInvalid and stores nothing if it is wrong. */
  async function saveRoutine(draft) {
    const name = typeof draft.name === 'string' ? draft.name.trim() : draft.name;
    const record = stamped({ ...draft, name });
    const errors = steady.rules.routine.validateRoutine(record);
    if (errors.length) throw new RoutineInvalid(errors);
    return store.put(record);
  }

  /** One routine, or null. */
  function getRoutine(id) {
    return store.get(id);
  }

  /** Every routine, by name. */
  async function listRoutines() {
    return (await store.list()).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Every routine, by id (to name the routine a session was logged with). */
  async function routinesById() {
    return new Map((await listRoutines()).map((r) => [r.id, r]));
  }

  /** Remove a routine for good (sessions logged with it keep its id). */
  async function deleteRoutine(id) {
    await store.delete(id);
  }

  steady.customRoutines = { RoutineInvalid, saveRoutine, getRoutine, listRoutines, routinesById, deleteRoutine };
})(globalThis.steady);
