// Everything on the device, as JSON (the records exactly as stored and synced) and as CSV
// (steady.rules.sessionCsv: one row per set and side, the same format as the account export).
// Works offline and without an account.
(function (steady) {
  'use strict';

  /** All sessions, custom routines, settings, progression levels and program enrolments in one object. */
  async function exportAll() {
    const { openDatabase, STORES } = steady.db;
    const [sessions, routines, settings, levels, enrolments] = await Promise.all([
      steady.sessions.listSessions(), steady.customRoutines.listRoutines(), steady.settings.storedSettings(),
      // Read as stored: the enrolments module travels in the programs bundle, which an export need not load.
      steady.levels.levelsBySlug(), openDatabase().then((db) => db.getAll(STORES.enrolments)),
    ]);
    return {
      format: 'steady-export', format_version: 1, exported_at: steady.localTime.isoInstant(Date.now()),
      sessions, routines, settings, levels: [...levels.values()], enrolments,
    };
  }

  steady.dataExport = { exportAll, sessionsCsv: (sessions) => steady.rules.sessionCsv.sessionsCsv(sessions) };
})(globalThis.steady);
