// Human words for the catalogue's vocabulary, and how an exercise's dose is written.
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

  steady.labels.catalog = { TAGS, EQUIPMENT, SURFACES, measure, prescription };
})(globalThis.steady);
