// What the runner's settings may hold. Pure. The whole settings object the device keeps (every
// key, defaults filled in) is checked, and unknown keys are refused.
// server/training/rules/settings.py is the same rule in Python; tests/vectors/settings.json is
// the one set of cases both must pass.
(function (steady) {
  'use strict';
  const LIMITS = steady.rules.limits.settings;
  const { wholeIn, isLocalDate, isZoneName } = steady.rules.jsonValues;

  const SWITCHES = {
    cue_speech: 'Spoken cues are either on or off.',
    cue_beeps: 'Beeps are either on or off.',
    cue_vibration: 'Vibration is either on or off.',
  };
  const SECONDS = ['switch_seconds', 'get_ready_seconds'];
  const UNITS = ['kg', 'lb'];
  const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  const PAUSE_KINDS = ['rest', 'injury'];
  const PAUSE_KEYS = ['start', 'end', 'kind'];
  const RUN_KINDS = ['easy', 'hard'];
  const KEYS = [...Object.keys(SWITCHES), ...SECONDS, 'units', 'time_zone', 'weekly_target', 'week_start', 'pauses', 'runs', 'weaker_side_first'];
  // Unknown keys are listed, but only this many: a synced object may hold any number.
  const UNKNOWN_SHOWN = 10;

  function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }

  function unknown(object, known) {
    return Object.keys(object).filter((key) => !known.includes(key)).sort().slice(0, UNKNOWN_SHOWN);
  }

  function pauseErrors(pause, at) {
    if (!isRecord(pause)) return [{ field: at, message: 'This pause is not readable.' }];
    const errors = [];
    if (!isLocalDate(pause.start)) errors.push({ field: `${at}.start`, message: 'Enter a real start date.' });
    if (!isLocalDate(pause.end)) errors.push({ field: `${at}.end`, message: 'Enter a real end date.' });
    else if (isLocalDate(pause.start) && pause.end < pause.start) errors.push({ field: `${at}.end`, message: 'The end can\'t be before the start.' });
    if (!PAUSE_KINDS.includes(pause.kind)) errors.push({ field: `${at}.kind`, message: 'Choose rest or injury.' });
    unknown(pause, PAUSE_KEYS).forEach((key) => errors.push({ field: `${at}.${key}`, message: 'A pause holds only a start, an end and a kind.' }));
    return errors;
  }

  function pausesErrors(pauses) {
    if (!Array.isArray(pauses)) return [{ field: 'pauses', message: 'The list of pauses is not readable.' }];
    if (pauses.length > LIMITS.pauses) return [{ field: 'pauses', message: `Keep at most ${LIMITS.pauses} pauses.` }];
    return pauses.flatMap((pause, i) => pauseErrors(pause, `pauses.${i}`));
  }

  function runsErrors(runs) {
    if (!isRecord(runs)) return [{ field: 'runs', message: 'The run days are not readable.' }];
    const errors = WEEKDAYS.filter((day) => day in runs && !RUN_KINDS.includes(runs[day]))
      .map((day) => ({ field: `runs.${day}`, message: 'Mark a run as easy or hard.' }));
    unknown(runs, WEEKDAYS).forEach((key) => errors.push({ field: `runs.${key}`, message: 'Runs are set by weekday, monday to sunday.' }));
    return errors;
  }

  /** Every problem with the whole settings object, as [{field, message}] in a fixed order; [] when it may be stored. */
  function validateSettings(values) {
    if (!isRecord(values)) return [{ field: 'settings', message: 'These settings are not readable.' }];
    const errors = [];
    const add = (field, ok, message) => { if (!ok) errors.push({ field, message }); };

    Object.entries(SWITCHES).forEach(([key, message]) => add(key, typeof values[key] === 'boolean', message));
    SECONDS.forEach((key) => add(key, wholeIn(values[key], 0, LIMITS[key]), `Enter a whole number from 0 to ${LIMITS[key]}.`));
    add('units', UNITS.includes(values.units), 'Choose kilograms or pounds.');
    add('time_zone', values.time_zone === 'auto' || isZoneName(values.time_zone), 'Choose a time zone.');
    add('weekly_target', wholeIn(values.weekly_target, 1, LIMITS.weekly_target), `Aim for 1 to ${LIMITS.weekly_target} sessions a week.`);
    add('week_start', WEEKDAYS.includes(values.week_start), 'Choose the day your week starts on.');
    errors.push(...pausesErrors(values.pauses));
    errors.push(...runsErrors(values.runs));
    add('weaker_side_first', typeof values.weaker_side_first === 'boolean', 'Weaker side first is either on or off.');
    unknown(values, KEYS).forEach((key) => errors.push({ field: key, message: 'Steady has no such setting.' }));
    return errors;
  }

  steady.rules.settings = { validateSettings, KEYS, WEEKDAYS, PAUSE_KINDS, RUN_KINDS };
})(globalThis.steady);
