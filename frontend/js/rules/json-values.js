// Checks on single values as JSON carries them, shared by the rules. Pure.
// server/training/rules/json_values.py is the same checks in Python.
(function (steady) {
  'use strict';

  const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
  const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  // The shape of an IANA name, not a lookup: browsers and servers ship different zone lists,
  // and the rules must give the same answer everywhere.
  const ZONE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
  const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

  /** Whether a value is a finite number. */
  function isNumber(value) {
    return typeof value === 'number' && Number.isFinite(value);
  }

  /** Whether a value is missing (null, or a key not there). */
  function isAbsent(value) {
    return value === null || value === undefined;
  }

  /** Whether a value is a whole number from low to high. */
  function wholeIn(value, low, high) {
    return Number.isInteger(value) && value >= low && value <= high;
  }

  /** Whether year, month and day name a real calendar date. */
  function validDate(y, m, d) {
    const date = new Date(0);
    date.setUTCFullYear(y, m - 1, d); // unlike Date.UTC, keeps years 0–99 as written
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }

  /** Whether a value is a real calendar date written YYYY-MM-DD. */
  function isLocalDate(value) {
    const match = typeof value === 'string' ? DATE.exec(value) : null;
    return Boolean(match) && validDate(Number(match[1]), Number(match[2]), Number(match[3]));
  }

  /** Whether a value is a UUID string. */
  function isUuid(value) {
    return typeof value === 'string' && UUID.test(value);
  }

  /** Whether a value is shaped like an IANA time zone name (at most 64 characters). */
  function isZoneName(value) {
    return typeof value === 'string' && value.length <= 64 && ZONE.test(value);
  }

  /** Whether text holds a control character (NUL, newline, escape…), which a one-line name never needs. */
  function hasControlCharacters(value) {
    return CONTROL.test(value);
  }

  /** Length in characters (code points), as Python counts them, not UTF-16 units. */
  function characterCount(value) {
    return Array.from(value).length;
  }

  steady.rules.jsonValues = {
    isNumber, isAbsent, wholeIn, validDate, isLocalDate, isUuid, isZoneName, hasControlCharacters, characterCount,
  };
})(globalThis.steady);
