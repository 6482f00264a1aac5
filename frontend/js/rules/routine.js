// What a custom routine may hold. Pure. Routines sync, so any JSON value may arrive: every
// problem comes back as a message, nothing throws. server/training/rules/routine.py is the same
// rule in Python; tests/vectors/routine.json is the one set of cases both must pass, and the
// limits come from the one table (limits.json) the catalogue schema also uses.
(function (steady) {
  'use strict';
  const LIMITS = steady.rules.limits.routine;
  const { isAbsent, wholeIn, isUuid, hasControlCharacters, characterCount } = steady.rules.jsonValues;

  const FORMATS = ['circuit', 'sets'];
  const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const MEASURES = ['reps', 'hold_seconds', 'work_seconds'];

  function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }

  function nameError(name) {
    const text = typeof name === 'string' ? name.trim() : '';
    if (!text) return 'Give the routine a name.';
    if (hasControlCharacters(text)) return 'The name can\'t contain control characters.';
    if (characterCount(text) > LIMITS.name) return `Keep the name under ${LIMITS.name} characters.`;
    return null;
  }

  function targetError(item, routineWork) {
    if (!isAbsent(item.reps) && !wholeIn(item.reps, 1, LIMITS.reps)) return `Reps go from 1 to ${LIMITS.reps}.`;
    for (const key of ['hold_seconds', 'work_seconds']) {
      if (!isAbsent(item[key]) && !wholeIn(item[key], 1, LIMITS.seconds)) return `Seconds go from 1 to ${LIMITS.seconds}.`;
    }
    const given = MEASURES.filter((key) => !isAbsent(item[key]));
    if (given.length > 1) return 'Give one target: reps or seconds.';
    if (!isAbsent(item.reps_min) && (isAbsent(item.reps) || !wholeIn(item.reps_min, 1, item.reps))) {
      return 'A rep range goes from 1 up to the reps.';
    }
    if (!given.length && isAbsent(routineWork)) return 'Give a target, or set a work time for the whole routine.';
    return null;
  }

  function itemErrors(item, at, routineWork) {
    if (!isRecord(item)) return [{ field: at, message: 'This exercise is not readable.' }];
    const errors = [];
    if (!(typeof item.exercise === 'string' && item.exercise.length <= LIMITS.name && SLUG.test(item.exercise))) {
      errors.push({ field: `${at}.exercise`, message: 'Choose an exercise.' });
    }
    const target = targetError(item, routineWork);
    if (target) errors.push({ field: `${at}.target`, message: target });
    return errors;
  }

  /** Every problem with a custom routine, as [{field, message}] in a fixed order; [] when it may be stored. */
  function validateRoutine(routine) {
    if (!isRecord(routine)) return [{ field: 'record', message: 'This routine is not readable.' }];
    const errors = [];
    const add = (field, message) => { if (message) errors.push({ field, message }); };

    add('id', isUuid(routine.id) ? null : 'The routine has no valid id.');
    add('name', nameError(routine.name));
    add('format', FORMATS.includes(routine.format) ? null : 'Choose circuit or sets.');
    add('rounds', wholeIn(routine.rounds, 1, LIMITS.rounds) ? null : `Rounds go from 1 to ${LIMITS.rounds}.`);
    if (!isAbsent(routine.work_seconds) && !wholeIn(routine.work_seconds, LIMITS.work_seconds_min, LIMITS.seconds)) {
      add('work_seconds', `Work time goes from ${LIMITS.work_seconds_min} to ${LIMITS.seconds} seconds.`);
    }
    if (!wholeIn(routine.rest_seconds, 0, LIMITS.seconds)) add('rest_seconds', `Rest goes from 0 to ${LIMITS.seconds} seconds.`);
    if (!wholeIn(routine.round_rest_seconds, 0, LIMITS.seconds)) {
      add('round_rest_seconds', `Rest between rounds goes from 0 to ${LIMITS.seconds} seconds.`);
    }
    const { items } = routine;
    if (!Array.isArray(items) || !items.length) add('items', 'Add at least one exercise.');
    // Nothing past the limit is read: a synced list may be any length.
    else if (items.length > LIMITS.items) add('items', `A routine can have at most ${LIMITS.items} exercises.`);
    else items.forEach((item, i) => errors.push(...itemErrors(item, `items.${i}`, routine.work_seconds)));
    return errors;
  }

  steady.rules.routine = { validateRoutine };
})(globalThis.steady);
