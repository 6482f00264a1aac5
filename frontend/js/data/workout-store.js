// The guided player's in-progress workout: one record, written on every change, so a reload or
// a killed app picks up at the same step and second. It stays on the device (never synced).
(function (steady) {
  'use strict';
  const { STORES, openDatabase } = steady.db;
  const KEY = 'current';

  // Every call lands in the order it was made: the player's last write of a finished workout
  // must never land after the Save that clears it, or the finished workout comes back.
  let last = Promise.resolve();
  function inTurn(job) {
    const done = last.then(job);
    last = done.catch(() => undefined);
    return done;
  }

  /** The workout in progress, or null. */
  function readWorkout() {
    return inTurn(async () => (await (await openDatabase()).get(STORES.workout, KEY)) || null);
  }

  /** Replace the workout in progress. */
  function writeWorkout(state) {
    return inTurn(async () => { await (await openDatabase()).put(STORES.workout, { ...state, key: KEY }); });
  }

  /** Forget the workout in progress (saved or discarded). */
  function clearWorkout() {
    return inTurn(async () => { await (await openDatabase()).delete(STORES.workout, KEY); });
  }

  steady.workoutStore = { readWorkout, writeWorkout, clearWorkout };
})(globalThis.steady);
