// The runner's own routines: the same shape as a catalogue routine (so the player and the
// timeline treat both alike), plus an id, and checked by the shared rule (rules/routine.js)
// before they are stored.
(function (steady) {
  'use strict';
  const { STORES, openDatabase } = steady.db;
  const { putWithChange, deleteWithChange, newId } = steady.outbox;

  /** Raised with [{field, message}] when a routine may not be stored. */
  class RoutineInvalid extends Error {
    constructor(errors) {
      super(errors.map((e) => e.message).join(' '));
      this.name = 'RoutineInvalid';
      this.errors = errors;
    }
  }

  /** Check and store a routine (new or edited); throws RoutineInvalid and stores nothing if it is wrong. */
  async function saveRoutine(draft) {
    const now = steady.localTime.isoInstant(Date.now());
    const name = typeof draft.name === 'string' ? draft.name.trim() : draft.name;
    const record = { ...draft, name, id: draft.id || newId(), created_at: draft.created_at || now, updated_at: now };
    const errors = steady.rules.routine.validateRoutine(record);
    if (errors.length) throw new RoutineInvalid(errors);
    return putWithChange(STORES.routines, 'routine', record, record.id);
  }

  /** One routine, or null. */
  async function getRoutine(id) {
    const db = await openDatabase();
    return (await db.get(STORES.routines, id)) || null;
  }

  /** Every routine, by name. */
  async function listRoutines() {
    const db = await openDatabase();
    return (await db.getAll(STORES.routines)).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Every routine, by id (to name the routine a session was logged with). */
  async function routinesById() {
    return new Map((await listRoutines()).map((r) => [r.id, r]));
  }

  /** Remove a routine for good (sessions logged with it keep its id). */
  async function deleteRoutine(id) {
    await deleteWithChange(STORES.routines, 'routine', id);
  }

  steady.customRoutines = { RoutineInvalid, saveRoutine, getRoutine, listRoutines, routinesById, deleteRoutine };
})(globalThis.steady);
