// Everything on the device, as JSON (the records exactly as stored and synced) and as CSV
// (one row per exercise entry, for spreadsheets). Works offline and without an account.
(function (steady) {
  'use strict';

  const CSV_COLUMNS = [
    'session_id', 'local_date', 'started_at', 'ended_at', 'time_zone', 'routine',
    'exercise', 'side', 'reps', 'seconds', 'load_kg', 'surface', 'eyes', 'footwear', 'effort', 'pain', 'notes',
  ];

  /** All sessions, custom routines and settings in one object. */
  async function exportAll() {
    const [sessions, routines, settings] = await Promise.all([
      steady.sessions.listSessions(), steady.customRoutines.listRoutines(), steady.settings.storedSettings(),
    ]);
    return { format: 'steady-export', format_version: 1, exported_at: steady.localTime.isoInstant(Date.now()), sessions, routines, settings };
  }

  function csvCell(value) {
    if (value === null || value === undefined) return '';
    const text = String(value);
    // Quote anything a spreadsheet could misread; a leading = + - @ would otherwise run as a formula.
    const safe = /^[=+\-@]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
    return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
  }

  /** Sessions as CSV text: a header, then one row per entry. */
  function sessionsCsv(sessions) {
    const rows = [CSV_COLUMNS.join(',')];
    for (const s of sessions) {
      for (const e of s.entries) {
        const row = [s.id, s.local_date, s.started_at, s.ended_at, s.time_zone, s.routine,
          e.exercise, e.side, e.reps, e.seconds, e.load_kg, e.surface, e.eyes, e.footwear, s.effort, s.pain, s.notes];
        rows.push(row.map(csvCell).join(','));
      }
    }
    return `${rows.join('\r\n')}\r\n`;
  }

  steady.dataExport = { CSV_COLUMNS, exportAll, sessionsCsv };
})(globalThis.steady);
