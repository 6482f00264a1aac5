// Sessions as CSV, one row per set and side, in the style of Strong's export. Pure: session
// records in, CSV text out. server/accounts/rules/session_csv.py is the same rule in Python (the
// account export); tests/vectors/session_csv.json is the one set of cases both must pass, so
// change all three together. The columns are documented in the README.
(function (steady) {
  'use strict';

  const CSV_COLUMNS = [
    'date', 'started_at', 'ended_at', 'duration_seconds', 'time_zone', 'routine',
    'exercise', 'set_order', 'side', 'reps', 'seconds', 'load_kg', 'surface', 'eyes', 'footwear',
    'effort', 'pain', 'notes', 'session_id',
  ];
  const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
  const pad = (n) => String(n).padStart(2, '0');

  function knownZone(zone) {
    try {
      Intl.DateTimeFormat('en-GB', { timeZone: zone });
      return true;
    } catch (error) {
      return false;
    }
  }

  /** A stored UTC instant as ISO 8601 wall-clock time in `zone`, with its offset; UTC if the zone is unknown. */
  function zonedIso(instant, zone) {
    const ms = Math.floor(Date.parse(instant) / 1000) * 1000;
    const timeZone = knownZone(zone) ? zone : 'UTC';
    const p = {};
    const format = new Intl.DateTimeFormat('en-GB', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    for (const part of format.formatToParts(new Date(ms))) p[part.type] = part.value;
    const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
    const minutes = Math.round((wall - ms) / 60000);
    const sign = minutes < 0 ? '-' : '+';
    const offset = `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
    return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
  }

  /** One cell: quoted when it holds a comma, quote or line break; a would-be formula is defused. */
  function csvCell(value) {
    if (value === null || value === undefined) return '';
    const text = String(value);
    // A leading = + - @ would run as a spreadsheet formula; numbers such as -1 are left alone.
    const safe = /^[=+\-@]/.test(text) && !NUMBER.test(text) ? `'${text}` : text;
    return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
  }

  /** One row per entry, each set numbered per exercise and side. */
  function sessionRows(s) {
    const zone = s.time_zone || 'UTC';
    const duration = Math.trunc((Date.parse(s.ended_at) - Date.parse(s.started_at)) / 1000);
    const counts = new Map();
    return s.entries.map((e) => {
      const key = `${e.exercise}\u0000${e.side}`;
      counts.set(key, (counts.get(key) || 0) + 1);
      return [s.local_date, zonedIso(s.started_at, zone), zonedIso(s.ended_at, zone), duration, zone,
        s.routine, e.exercise, counts.get(key), e.side, e.reps, e.seconds, e.load_kg, e.surface, e.eyes,
        e.footwear, s.effort, s.pain, s.notes, s.id];
    });
  }

  /** CSV text: the header, then every session's rows, with CRLF line ends as spreadsheets expect. */
  function sessionsCsv(sessions) {
    const lines = [CSV_COLUMNS.join(',')];
    for (const s of sessions) for (const row of sessionRows(s)) lines.push(row.map(csvCell).join(','));
    return `${lines.join('\r\n')}\r\n`;
  }

  steady.rules.sessionCsv = { CSV_COLUMNS, zonedIso, csvCell, sessionsCsv };
})(globalThis.steady);
