// Human words for the catalogue's vocabulary, and how doses are written.
(function (steady) {
  'use strict';

  const TAGS = {
    core: 'Core',
    balance: 'Balance',
    hips: 'Hips',
    'feet-ankles': 'Feet & ankles',
    trail: 'Trail',
  };

  const EQUIPMENT = {
    'medicine-ball': 'Medicine ball',
    'stability-ball': 'Stability ball',
    'resistance-band': 'Resistance band',
    step: 'Step',
    'foam-pad': 'Foam pad',
    'wobble-board': 'Wobble board',
    'balance-disc': 'Balance disc',
    towel: 'Towel',
    mat: 'Mat',
  };

  const SURFACES = { floor: 'the floor', towel: 'a folded towel', foam_pad: 'a foam pad', wobble_board: 'a wobble board' };

  /** "8–10 reps", "30 s hold", "60 s" — the measure of one bout. */
  function measure(target) {
    if (target.reps) {
      return target.reps_min ? `${target.reps_min}–${target.reps} reps` : `${target.reps} reps`;
    }
    if (target.hold_seconds) return `${target.hold_seconds} s hold`;
    if (target.work_seconds) return `${target.work_seconds} s`;
    return '';
  }

  /** An exercise's default dose, e.g. "2 × 8–10 reps per side". */
  function prescription(exercise) {
    const p = exercise.prescription;
    const sets = p.sets > 1 ? `${p.sets} × ` : '';
    return `${sets}${measure(p)}${exercise.unilateral ? ' per side' : ''}`;
  }

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

  /** "1.2 MB", "840 KB". */
  function formatBytes(bytes) {
    if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
    if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
    return `${Math.max(1, Math.round(bytes / 1e3))} KB`;
  }

  steady.labels = { formatBytes, TAGS, EQUIPMENT, SURFACES, measure, prescription, itemTarget, routineFormat, perWeek, routineMinutes };
})(globalThis.steady);
