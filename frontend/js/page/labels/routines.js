// How a routine is described: its format, how often, how long, and each item's target.
(function (steady) {
  'use strict';
  const { measure, EQUIPMENT } = steady.labels.catalog;

  /** A routine item's target, falling back to the routine's work time (split between the sides
   * of a per-side exercise, as the player runs it: see rules/timeline.js). */
  function itemTarget(item, routine, exercise) {
    const own = measure(item);
    const perSide = exercise && exercise.unilateral;
    if (!own && routine.work_seconds && perSide) return `${Math.round(routine.work_seconds / 2)} s per side`;
    const text = own || (routine.work_seconds ? `${routine.work_seconds} s` : '');
    return perSide ? `${text} per side` : text;
  }

  /** "Circuit · 3 rounds · 60 s work · 15 s rest". */
  function routineFormat(routine) {
    const parts = [routine.format === 'circuit' ? 'Circuit' : 'Sets'];
    const unit = routine.format === 'circuit' ? 'round' : 'set';
    parts.push(`${routine.rounds} ${unit}${routine.rounds === 1 ? '' : 's'}`);
    if (routine.work_seconds) parts.push(`${routine.work_seconds} s work`);
    parts.push(`${routine.rest_seconds} s rest`);
    return parts.join(' · ');
  }

  /** "3–4 times a week". */
  function perWeek(range) {
    if (!range || !range.length) return '';
    const [low, high] = range;
    return high && high !== low ? `${low}–${high} times a week` : `${low} times a week`;
  }

  /** The minutes a routine takes, roughly, for list badges. */
  function routineMinutes(routine, catalog) {
    const steps = steady.rules.timeline.buildTimeline(routine, catalog.exercise);
    return Math.max(1, Math.round(steady.rules.timeline.timelineSeconds(steps) / 60));
  }

  /** The kit a routine can't be done without: [{item, name, substitutes: [{exercise, text}]}], each item
   * once, in the order first needed; optional kit (a mat, a foam pad) is left out. */
  function routineKit(routine, catalog) {
    const kit = new Map();
    for (const item of routine.items) {
      const exercise = catalog.exercise.get(item.exercise);
      for (const need of (exercise && exercise.equipment) || []) {
        if (need.optional) continue;
        if (!kit.has(need.item)) kit.set(need.item, { item: need.item, name: EQUIPMENT[need.item] || need.item, substitutes: [] });
        const { substitutes } = kit.get(need.item);
        if (need.substitute && !substitutes.some((s) => s.exercise === exercise.slug)) substitutes.push({ exercise: exercise.slug, text: need.substitute });
      }
    }
    return [...kit.values()];
  }

  /** "Stability ball, resistance band", or "No kit" when the routine needs none. */
  function kitText(kit) {
    if (!kit.length) return 'No kit';
    return kit.map((k, i) => (i ? k.name.toLowerCase() : k.name)).join(', ');
  }

  steady.labels.routines = { itemTarget, routineFormat, perWeek, routineMinutes, routineKit, kitText };
})(globalThis.steady);
