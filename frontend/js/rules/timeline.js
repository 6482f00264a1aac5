// A routine unrolled into the steps the guided player runs, one after another. Pure.
// JavaScript only: the player runs only on the device. tests/vectors/timeline.json holds its cases.
// Every step names the work it belongs to or leads into (exercise, side, round, item), so the
// player can show "next up" during a rest and log results per exercise and side.
(function (steady) {
  'use strict';

  /** The sides one bout of an exercise is done on, in order: left first unless `first` is 'right'. */
  function sidesOf(exercise, first = 'left') {
    if (!exercise || !exercise.unilateral) return ['both'];
    return first === 'right' ? ['right', 'left'] : ['left', 'right'];
  }

  /** Seconds of one timed bout on one side. A routine-wide work time is one station of the
   * circuit, so a per-side exercise splits it ("30 s each side makes up the minute"); a time
   * set on the item itself is per side. */
  function boutSeconds(item, routine, sides) {
    if (item.work_seconds) return item.work_seconds;
    if (item.hold_seconds) return item.hold_seconds;
    const station = routine.work_seconds || 30;
    return sides.length > 1 ? Math.round(station / sides.length) : station;
  }

  /** The item as the runner's level doses it: `dose` ({reps} or {seconds}, from options.doses) replaces
   * the reps of a reps item (its range too) or the per-side time of a timed one; a dose of the other kind is ignored. */
  function dosedItem(item, dose) {
    if (!dose) return item;
    if (item.reps) return dose.reps ? { ...item, reps: dose.reps, reps_min: null } : item;
    return dose.seconds ? { ...item, work_seconds: null, hold_seconds: dose.seconds } : item;
  }

  /** The routine with each item dosed from `doses` where the runner has a level on its exercise. */
  function dosedRoutine(routine, doses) {
    const doseOf = (slug) => (doses && Object.hasOwn(doses, slug) ? doses[slug] : null);
    return { ...routine, items: routine.items.map((item) => dosedItem(item, doseOf(item.exercise))) };
  }

  function boutSteps(item, index, round, routine, exercise, switchSeconds, firstSide) {
    const sides = sidesOf(exercise, firstSide);
    const steps = [];
    sides.forEach((side, s) => {
      const at = { exercise: item.exercise, side, round, item: index };
      if (s > 0 && switchSeconds > 0) steps.push({ kind: 'switch', ...at, seconds: switchSeconds });
      if (item.reps) steps.push({ kind: 'reps', ...at, target: item.reps, target_min: item.reps_min || null });
      else steps.push({ kind: 'work', ...at, seconds: boutSeconds(item, routine, sides) });
    });
    return steps;
  }

  /** The order bouts are done in: round by round for a circuit, item by item for sets. */
  function bouts(routine) {
    const order = [];
    const rounds = Math.max(1, routine.rounds || 1);
    if (routine.format === 'circuit') {
      for (let round = 1; round <= rounds; round += 1) {
        routine.items.forEach((item, index) => order.push({ item, index, round }));
      }
    } else {
      routine.items.forEach((item, index) => {
        for (let round = 1; round <= rounds; round += 1) order.push({ item, index, round });
      });
    }
    return order;
  }

  /** The player's steps for a routine: [{kind: 'ready'|'work'|'reps'|'switch'|'rest', exercise, side, round, item, seconds | target, target_min}].
   * `firstSides` ({slug: 'left' | 'right'}) names the side each per-side bout of an exercise starts on; left when unnamed.
   * `doses` ({slug: {reps} | {seconds}}) prescribes an exercise from the runner's level instead of the item. */
  function buildTimeline(routine, exercisesBySlug, { switchSeconds = 5, getReadySeconds = 10, firstSides = {}, doses = {} } = {}) {
    const find = (slug) => (exercisesBySlug instanceof Map ? exercisesBySlug.get(slug) : exercisesBySlug[slug]);
    const order = bouts(dosedRoutine(routine, doses));
    const steps = [];
    order.forEach((bout, n) => {
      const work = boutSteps(bout.item, bout.index, bout.round, routine, find(bout.item.exercise), switchSeconds, firstSides[bout.item.exercise]);
      const lead = { exercise: work[0].exercise, side: work[0].side, round: bout.round, item: bout.index };
      if (n === 0 && getReadySeconds > 0) steps.push({ kind: 'ready', ...lead, seconds: getReadySeconds });
      if (n > 0) {
        // A circuit rests longer between rounds; with no round rest set, the usual rest stands.
        const newRound = routine.format === 'circuit' && bout.round !== order[n - 1].round;
        const rest = newRound && routine.round_rest_seconds ? routine.round_rest_seconds : routine.rest_seconds;
        if (rest > 0) steps.push({ kind: 'rest', ...lead, seconds: rest });
      }
      steps.push(...work);
    });
    return steps;
  }

  /** Roughly how long a timeline takes: timed steps as set, a rep taken as 3 s. */
  function timelineSeconds(steps) {
    return steps.reduce((sum, step) => sum + (step.seconds || (step.target || 0) * 3), 0);
  }

  steady.rules.timeline = { buildTimeline, sidesOf, timelineSeconds };
})(globalThis.steady);
