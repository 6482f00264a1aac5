// Reading an export back in: which records of the file to store, and what to tell the runner
// first. Pure: the file's text and what this device holds in, a plan out; no storage, no clock.
// JavaScript only (importing happens on the device); tests/vectors/data_import.json holds its cases.
// It checks enrolments with the enrolment rule, which travels in the programs bundle: load that first.
//
// Both exports are read: this device's ("steady-export": settings as {key, value, updated_at})
// and the account's ("steady-account-export": settings as the one whole object). Records keep
// their ids, so a record already here is never doubled: the file's copy replaces it only when it
// was edited later. A setting already chosen on this device is kept. The file is taken whole or
// not at all: one record the rules refuse refuses the import, naming it, and changes nothing.
(function (steady) {
  'use strict';

  const FORMATS = { 'steady-export': 'device', 'steady-account-export': 'account' };
  const VERSION = 1;
  // Each kind of record a file holds: how the rules check one, and what identifies it (a level is one per exercise).
  const KINDS = [
    { key: 'sessions', noun: 'Session', idOf: (r) => r.id, errors: (r, today) => steady.rules.session.validateSession(r, today) },
    { key: 'routines', noun: 'Routine', idOf: (r) => r.id, errors: (r) => steady.rules.routine.validateRoutine(r) },
    { key: 'levels', noun: 'Level', idOf: (r) => r.exercise, errors: (r) => steady.rules.level.validateLevel(r) },
    { key: 'enrolments', noun: 'Enrolment', idOf: (r) => r.program, errors: (r) => steady.rules['enrolment'].validateEnrolment(r) }, // by name: another bundle's
  ];

  const refuse = (message) => ({ error: message });
  const isRecord = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

  function describe(kind, record, index) {
    if (kind.key === 'sessions' && typeof record.local_date === 'string') return `${kind.noun} ${index + 1} (${record.local_date})`;
    if (kind.key === 'routines' && typeof record.name === 'string' && record.name.trim()) return `${kind.noun} ${index + 1} (“${record.name.trim()}”)`;
    if (kind.key === 'levels' && typeof record.exercise === 'string') return `${kind.noun} ${index + 1} (${record.exercise})`;
    if (kind.key === 'enrolments' && typeof record.program === 'string') return `${kind.noun} ${index + 1} (${record.program})`;
    return `${kind.noun} ${index + 1}`;
  }

  // Settings this version of Steady does not know are left out, so an export from a newer one still
  // imports; so are those that already have the file's value, so the preview counts only real changes.
  // The file's settings as {key: {value, updated_at}}: the device writes one entry per key, the account one object.
  function fileSettings(parsed, source) {
    const list = parsed.settings === undefined ? [] : parsed.settings;
    if (!Array.isArray(list)) return null;
    const found = {};
    for (const entry of list) {
      if (!isRecord(entry)) return null;
      if (source === 'device') {
        if (typeof entry.key !== 'string') return null;
        found[entry.key] = { value: entry.value, updated_at: entry.updated_at };
      } else {
        for (const [key, value] of Object.entries(entry)) found[key] = { value, updated_at: parsed.exported_at };
      }
    }
    return found;
  }

  /** What importing `text` would do, given `here` ({sessions: {id: updated_at}, routines: {id: updated_at}, levels: {slug: updated_at},
   * enrolments: {program slug: updated_at}, settings: {values: the whole settings object, chosen: [keys set on this device]}})
   * and today's date: {error} when the file cannot be taken, else {sessions, routines, levels, enrolments, settings: records
   * to store, summary}. */
  function planImport(text, here, today) {
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return refuse('This file is not a Steady export: it is not JSON.');
    }
    if (!isRecord(parsed) || !(parsed.format in FORMATS)) return refuse('This file is not a Steady export.');
    if (parsed.format_version !== VERSION) {
      return refuse(typeof parsed.format_version === 'number' && parsed.format_version > VERSION
        ? 'This export comes from a newer version of Steady: update the app, then import it.'
        : 'This file is not a Steady export.');
    }
    const source = FORMATS[parsed.format];
    const plan = { sessions: [], routines: [], levels: [], enrolments: [], settings: [] };
    const summary = { sessions: 0, routines: 0, levels: 0, enrolments: 0, first_date: null, last_date: null, already_here: 0, newer_in_file: 0, settings: 0 };
    for (const kind of KINDS) {
      const list = parsed[kind.key] === undefined ? [] : parsed[kind.key];
      if (!Array.isArray(list)) return refuse(`This file's ${kind.key} are not a list: it is not a Steady export.`);
      const chosen = new Map();
      for (const [index, record] of list.entries()) {
        const errors = kind.errors(record, today);
        if (errors.length) return refuse(`${describe(kind, isRecord(record) ? record : {}, index)} in the file can't be imported: ${errors[0].message}`);
        const twin = chosen.get(kind.idOf(record));
        if (!twin || twin.updated_at < record.updated_at) chosen.set(kind.idOf(record), record);
      }
      summary[kind.key] = chosen.size;
      for (const record of chosen.values()) {
        if (kind.key === 'sessions') {
          if (summary.first_date === null || record.local_date < summary.first_date) summary.first_date = record.local_date;
          if (summary.last_date === null || record.local_date > summary.last_date) summary.last_date = record.local_date;
        }
        const stored = here[kind.key][kind.idOf(record)];
        if (stored === undefined) plan[kind.key].push(record);
        else if (stored < record.updated_at) {
          plan[kind.key].push(record);
          summary.newer_in_file += 1;
        } else summary.already_here += 1;
      }
    }
    const settings = fileSettings(parsed, source);
    if (settings === null) return refuse("This file's settings are not readable: it is not a Steady export.");
    const taken = Object.entries(settings).filter(([key, entry]) => key in here.settings.values && !here.settings.chosen.includes(key)
      && JSON.stringify(entry.value) !== JSON.stringify(here.settings.values[key]));
    const merged = { ...here.settings.values, ...Object.fromEntries(taken.map(([key, entry]) => [key, entry.value])) };
    const settingErrors = steady.rules.settings.validateSettings(merged);
    if (settingErrors.length) return refuse(`The settings in the file can't be imported: ${settingErrors[0].message}`);
    plan.settings = taken.map(([key, entry]) => ({ key, value: entry.value, updated_at: typeof entry.updated_at === 'string' ? entry.updated_at : null }));
    summary.settings = plan.settings.length;
    return { ...plan, summary };
  }

  steady.rules.dataImport = { planImport };
})(globalThis.steady);
