// What a progression level record may hold. Pure. One record per exercise (its id is the
// protocol's deterministic `level:<slug>`): the rung and dose the runner accepted, `since` (when
// it was set or a suggestion declined; see rules/progression.js) and `updated_at`.
// server/progress/rules/level.py is the same rule in Python; tests/vectors/level.json is the one
// set of cases both must pass.
(function (steady) {
  'use strict';
  const { wholeIn } = steady.rules.jsonValues;
  const { instantMillis } = steady.rules.session;

  const KEYS = ['exercise', 'rung', 'dose', 'since', 'updated_at'];
  const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const MOST_RUNGS = 8; // the loader allows no longer ladder
  const MOST_DOSE = 3600; // an hour's hold, the session rule's limit

  /** Every problem with a level record, as [{field, message}] in a fixed order; [] when it may be stored. */
  function validateLevel(record) {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      return [{ field: 'record', message: 'This level is not readable.' }];
    }
    const errors = [];
    const add = (field, ok, message) => { if (!ok) errors.push({ field, message }); };
    const { exercise, since } = record;
    add('exercise', typeof exercise === 'string' && exercise.length <= 80 && SLUG.test(exercise), 'Choose an exercise.');
    add('rung', wholeIn(record.rung, 0, MOST_RUNGS - 1), `The rung is a whole number from 0 to ${MOST_RUNGS - 1}.`);
    add('dose', wholeIn(record.dose, 1, MOST_DOSE), `The dose is a whole number from 1 to ${MOST_DOSE}.`);
    add('since', since === null || since === undefined || instantMillis(since) !== null, 'Enter a valid time, or none.');
    add('updated_at', instantMillis(record.updated_at) !== null, 'Enter a valid time.');
    Object.keys(record).filter((k) => !KEYS.includes(k)).sort()
      .forEach((k) => errors.push({ field: k, message: 'A level holds only an exercise, a rung, a dose and its times.' }));
    return errors;
  }

  steady.rules.level = { validateLevel };
})(globalThis.steady);
