// The runner's own routines: the same shape as a catalogue routine (so the player and the
// timeline treat both alike), plus an id, and checked before they are stored.
(function (steady) {
  'use strict';
  const { STORES, openDatabase } = steady.db;
  const { putWithChange, deleteWithChange, newId } = steady.outbox;

  const LIMITS = { name: 80, rounds: 10, seconds: 600, reps: 100, items: 30 };

  function wholeIn(value, low, high) {
    return Number.isInteger(value) && value >= low && value <= high;
  }

  /** Every problem with a routine as [{field, message}]; [] when it may be stored. */
  function validateRoutine(routine) {
    const errors = [];
    const add = (field, message) => errors.push({ field, message });
    const name = typeof routine.name === 'string' ? routine.name.trim() : '';
    if (!name) add('name', 'Give the routine a name.');
    else if (name.length > LIMITS.name) add('name', `Keep the name under ${LIMITS.name} characters.`);
    if (!['circuit', 'sets'].includes(routine.format)) add('format', 'Choose circuit or sets.');
    if (!wholeIn(routine.rounds, 1, LIMITS.rounds)) add('rounds', `Rounds go from 1 to ${LIMITS.rounds}.`);
    if (routine.work_seconds !== null && !wholeIn(routine.work_seconds, 5, LIMITS.seconds)) {
      add('work_seconds', `Work time goes from 5 to ${LIMITS.seconds} seconds.`);
    }
    if (!wholeIn(routine.rest_seconds, 0, LIMITS.seconds)) add('rest_seconds', `Rest goes from 0 to ${LIMITS.seconds} seconds.`);
    if (!wholeIn(routine.round_rest_seconds, 0, LIMITS.seconds)) {
      add('round_rest_seconds', `Rest between rounds goes from 0 to ${LIMITS.seconds} seconds.`);
    }
    const items = Array.isArray(routine.items) ? routine.items : [];
    if (!items.length) add('items', 'Add at least one exercise.');
    if (items.length > LIMITS.items) add('items', `A routine can have at most ${LIMITS.items} exercises.`);
    items.forEach((item, i) => {
      if (item.reps !== null && !wholeIn(item.reps, 1, LIMITS.reps)) add(`items.${i}.target`, `Reps go from 1 to ${LIMITS.reps}.`);
      else if (item.work_seconds !== null && !wholeIn(item.work_seconds, 1, LIMITS.seconds)) {
        add(`items.${i}.target`, `Seconds go from 1 to ${LIMITS.seconds}.`);
      } else if (item.reps === null && item.work_seconds === null && routine.work_seconds === null) {
        add(`items.${i}.target`, 'Give a target, or set a work time for the whole routine.');
      }
    });
    return errors;
  }

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
    const errors = validateRoutine(draft);
    if (errors.length) throw new RoutineInvalid(errors);
    const now = steady.localTime.isoInstant(Date.now());
    const record = { ...draft, name: draft.name.trim(), id: draft.id || newId(), created_at: draft.created_at || now, updated_at: now };
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

  steady.customRoutines = { LIMITS, validateRoutine, RoutineInvalid, saveRoutine, getRoutine, listRoutines, routinesById, deleteRoutine };
})(globalThis.steady);
