// A routine as the sets it prescribes, for the quick log: the entries a runner who did the whole
// routine would log. Pure. JavaScript only (the quick log runs on the device);
// tests/vectors/routine_entries.json holds its cases.
(function (steady) {
  'use strict';
  const DOSED = ['work', 'reps'];

  /** The session entries of doing `routine` as written: one per set (a "sets" routine's sets, one per
   * round of a circuit), per side for a per-side exercise, each at its dose. `doses` ({slug: {reps} |
   * {seconds}}) doses an exercise from the runner's level instead; `conditions` ({slug: {surface, ...}})
   * are that level's conditions. */
  function routineEntries(routine, exercisesBySlug, { doses = {}, conditions = {} } = {}) {
    // The player's own unrolling, so the log and the player can never disagree on what a routine is.
    const steps = steady.rules.timeline.buildTimeline(routine, exercisesBySlug, { switchSeconds: 0, getReadySeconds: 0, doses });
    return steps.filter((step) => DOSED.includes(step.kind)).map((step) => ({
      exercise: step.exercise,
      side: step.side,
      reps: step.kind === 'reps' ? step.target : null,
      seconds: step.kind === 'work' ? step.seconds : null,
      load_kg: null, surface: null, eyes: null, footwear: null,
      ...(Object.hasOwn(conditions, step.exercise) ? conditions[step.exercise] : {}),
    }));
  }

  steady.rules.routineEntries = { routineEntries };
})(globalThis.steady);
