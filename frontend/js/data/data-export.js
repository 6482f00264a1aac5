// Everything on the device, as JSON (the records exactly as stored and synced) and as CSV
// (steady.rules.sessionCsv: one row per set and side, the same format as the account export).
// Works offline and without an account.
(function (steady) {
  'use strict';

  /** All sessions, custom routines, settings and progression levels in one object. */
  async function exportAll() {
    const [sessions, routines, settings, levels] = await Promise.all([
      steady.sessions.listSessions(), steady.customRoutines.listRoutines(), steady.settings.storedSettings(),
      steady.levels.levelsBySlug(),
    ]);
    return {
      format: 'steady-export', format_version: 1, exported_at: steady.localTime.isoInstant(Date.now()),
      sessions, routines, settings, levels: [...levels.values()],
    };
  }

  steady.dataExport = { exportAll, sessionsCsv: (sessions) => steady.rules.sessionCsv.sessionsCsv(sessions) };
})(globalThis.steady);
