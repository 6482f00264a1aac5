// What a session record may hold. Pure: no storage, no DOM, no clock (`today`, 'YYYY-MM-DD',
// is passed in). server/training/rules/session.py is the same rule in Python;
// tests/vectors/session.json is the one set of cases both must pass, so change all three together.
(function (steady) {
  'use strict';

  const LIMITS = steady.rules.limits.session;
  const { isNumber, isAbsent, validDate, isLocalDate, isUuid, isZoneName, characterCount } = steady.rules.jsonValues;
  const SIDES = ['left', 'right', 'both'];
  const SURFACES = ['floor', 'towel', 'foam_pad', 'wobble_board'];
  const EYES = ['open', 'closed'];
  const FOOTWEAR = ['shoes', 'barefoot'];
  const PAINS = ['none', 'mild', 'stop'];

  const HOUR_MS = 3600000;
  const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?Z$/;

  /** Milliseconds since the epoch for a UTC instant string, or null if it is not one. */
  function instantMillis(value) {
    const match = typeof value === 'string' ? INSTANT.exec(value) : null;
    if (!match) return null;
    const [y, mo, d, h, mi, s] = match.slice(1, 7).map(Number);
    if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
    const fraction = match[7] ? Number(`0${match[7]}`) : 0;
    const at = new Date(0);
    at.setUTCFullYear(y, mo - 1, d);
    at.setUTCHours(h, mi, s, Math.floor(fraction * 1000));
    return at.getTime();
  }

  function wholeNumberError(value, { label, min, max, tooBig }) {
    if (!isNumber(value)) return `${label} must be a number.`;
    if (!Number.isInteger(value)) return `${label} must be a whole number.`;
    if (value < min) return min === 0 ? `${label} can't be negative.` : `${label} must be at least ${min}.`;
    if (value > max) return tooBig;
    return null;
  }

  // Effort is a whole number on a scale: each message says which of the two it missed.
  function effortError(value) {
    if (!isNumber(value)) return 'Effort must be a number from 1 to 10.';
    if (!Number.isInteger(value)) return 'Effort must be a whole number from 1 to 10.';
    return value < 1 || value > 10 ? 'Effort goes from 1 to 10.' : null;
  }

  function choiceError(value, choices, label, { optional }) {
    if (optional && isAbsent(value)) return null;
    return choices.includes(value) ? null : `Choose ${label}.`;
  }

  function entryErrors(entry, at) {
    const errors = [];
    const add = (field, message) => { if (message) errors.push({ field: `${at}.${field}`, message }); };
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      return [{ field: at, message: 'This exercise entry is not readable.' }];
    }
    const exercise = entry.exercise;
    add('exercise', typeof exercise === 'string' && exercise.trim() && exercise.length <= LIMITS.text ? null : 'Choose an exercise.');
    add('side', choiceError(entry.side, SIDES, 'left, right or both sides', { optional: false }));
    const repsError = isAbsent(entry.reps) ? null : wholeNumberError(entry.reps, {
      label: 'Reps', min: 0, max: LIMITS.reps, tooBig: `Reps can't be more than ${LIMITS.reps}.`,
    });
    const secondsError = isAbsent(entry.seconds) ? null : wholeNumberError(entry.seconds, {
      label: 'Seconds', min: 0, max: LIMITS.seconds, tooBig: 'A hold can\'t be longer than an hour (3600 seconds).',
    });
    if (isAbsent(entry.reps) && isAbsent(entry.seconds)) add('reps', 'Enter the reps, the seconds, or both.');
    add('reps', repsError);
    add('seconds', secondsError);
    if (!isAbsent(entry.load_kg)) {
      if (!isNumber(entry.load_kg)) add('load_kg', 'Load must be a number.');
      else if (entry.load_kg < 0) add('load_kg', 'Load can\'t be negative.');
      else if (entry.load_kg > LIMITS.load_kg) add('load_kg', `Load can't be more than ${LIMITS.load_kg} kg.`);
    }
    add('surface', choiceError(entry.surface, SURFACES, 'a surface from the list', { optional: true }));
    add('eyes', choiceError(entry.eyes, EYES, 'eyes open or closed', { optional: true }));
    add('footwear', choiceError(entry.footwear, FOOTWEAR, 'shoes or barefoot', { optional: true }));
    return errors;
  }

  /** Every problem with a session record, as [{field, message}] in a fixed order; [] when it may be stored. */
  function validateSession(record, today) {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      return [{ field: 'record', message: 'This session is not readable.' }];
    }
    const errors = [];
    const add = (field, message) => { if (message) errors.push({ field, message }); };

    add('id', isUuid(record.id) ? null : 'The session has no valid id.');
    const started = instantMillis(record.started_at);
    const ended = instantMillis(record.ended_at);
    add('started_at', started === null ? 'Enter a valid start time.' : null);
    if (ended === null) add('ended_at', 'Enter a valid end time.');
    else if (started !== null && ended < started) add('ended_at', 'The end can\'t be before the start.');
    else if (started !== null && ended - started > LIMITS.hours * HOUR_MS) add('ended_at', `A session can't be longer than ${LIMITS.hours} hours.`);
    add('time_zone', isZoneName(record.time_zone) ? null : 'Choose a time zone.');
    if (isAbsent(record.local_date) || record.local_date === '') add('local_date', 'Enter the date.');
    else if (!isLocalDate(record.local_date)) add('local_date', 'Enter a real date.');
    else if (record.local_date > today) add('local_date', 'The date can\'t be in the future.');
    else if (record.local_date < LIMITS.first_date) add('local_date', `The date can't be before ${LIMITS.first_date.slice(0, 4)}.`);
    if (!isAbsent(record.routine) && !(typeof record.routine === 'string' && record.routine.trim() && record.routine.length <= LIMITS.text)) {
      add('routine', 'Choose a routine from the list, or none.');
    }

    if (!Array.isArray(record.entries) || record.entries.length === 0) {
      add('entries', 'Add at least one exercise.');
    } else if (record.entries.length > LIMITS.entries) {
      add('entries', `A session can hold at most ${LIMITS.entries} entries.`);
    } else {
      record.entries.forEach((entry, i) => errors.push(...entryErrors(entry, `entries.${i}`)));
    }

    if (!isAbsent(record.effort)) {
      add('effort', effortError(record.effort));
    }
    add('pain', choiceError(record.pain, PAINS, 'none, mild or stop for pain', { optional: false }));
    if (!isAbsent(record.notes)) {
      if (typeof record.notes !== 'string') add('notes', 'Notes must be text.');
      else if (characterCount(record.notes) > LIMITS.notes) add('notes', `Notes can be at most ${LIMITS.notes} characters.`);
    }
    return errors;
  }

  steady.rules.session = { validateSession, instantMillis, isLocalDate, SIDES, SURFACES, EYES, FOOTWEAR, PAINS, LIMITS };
})(globalThis.steady);
