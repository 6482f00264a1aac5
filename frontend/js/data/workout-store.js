// The guided player's in-progress workout: one record, written on every change, so a reload or
// a killed app picks up at the same step and second. It stays on the device (never synced).
(function (steady) {
  'use strict';
  const { STORES, openDatabase } = steady.db;
  const KEY = 'current';

  /** The workout in progress, or null. */
  async function readWorkout() {
    const db = await openDatabase();
    return (await db.get(STORES.workout, KEY)) || null;
  }

  /** Replace the workout in progress. */
  async function writeWorkout(state) {
    const db = await openDatabase();
    await db.put(STORES.workout, { ...state, key: KEY });
  }

  /** Forget the workout in progress (saved or discarded). */
  async function clearWorkout() {
    const db = await openDatabase();
    await db.delete(STORES.workout, KEY);
  }

  steady.workoutStore = { readWorkout, writeWorkout, clearWorkout };
})(globalThis.steady);
