// What an enrolment in a program may hold. Pure. One record per program (its id is the protocol's
// deterministic `enrolment:<slug>`): the program, the day its first week starts, the day the runner
// left it or finished it (or none), and `updated_at`. Enrolling again starts the program afresh at
// the same id; the sessions of the earlier go stay in the log. server/training/rules/enrolment.py
// is the same rule in Python; tests/vectors/enrolment.json is the one set of cases both must pass.
(function (steady) {
  'use strict';
  const { isLocalDate } = steady.rules.jsonValues;
  const { instantMillis } = steady.rules.session;
  const FIRST_DATE = steady.rules.limits.session.first_date;

  const KEYS = ['program', 'start_date', 'left_on', 'finished_on', 'updated_at'];
  const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const UNKNOWN_SHOWN = 10; // a synced object may hold any number of unknown keys
  const day = (value) => isLocalDate(value) && value >= FIRST_DATE;
  const none = (value) => value === null || value === undefined;

  /** Every problem with an enrolment record, as [{field, message}] in a fixed order; [] when it may be stored. */
  function validateEnrolment(record) {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      return [{ field: 'record', message: 'This enrolment is not readable.' }];
    }
    const errors = [];
    const add = (field, ok, message) => { if (!ok) errors.push({ field, message }); };
    const { program, start_date: start, left_on: left, finished_on: finished } = record;
    add('program', typeof program === 'string' && program.length <= 80 && SLUG.test(program), 'Choose a program.');
    add('start_date', day(start), `Enter the start date as YYYY-MM-DD, from ${FIRST_DATE} on.`);
    add('left_on', none(left) || day(left), 'Enter the day you left as YYYY-MM-DD, or none.');
    if (!none(finished) && !day(finished)) add('finished_on', false, 'Enter the day you finished as YYYY-MM-DD, or none.');
    else if (!none(finished) && day(start) && finished < start) add('finished_on', false, 'A program is finished on or after the day it starts.');
    else if (!none(finished) && !none(left)) add('finished_on', false, 'A program is either left or finished, not both.');
    add('updated_at', instantMillis(record.updated_at) !== null, 'Enter a valid time.');
    Object.keys(record).filter((k) => !KEYS.includes(k)).sort().slice(0, UNKNOWN_SHOWN)
      .forEach((k) => errors.push({ field: k, message: 'An enrolment holds only a program, its start date, the day it was left or finished, and when it changed.' }));
    return errors;
  }

  steady.rules.enrolment = { validateEnrolment };
})(globalThis.steady);
