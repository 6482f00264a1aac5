// Time as a runner lives it: an instant in UTC, the IANA zone they were in, and the date on
// their calendar there, so a session logged late at night never drifts onto another day.
(function (steady) {
  'use strict';

  /** The zone the device is set to, e.g. "Europe/London". */
  function deviceTimeZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  }

  /** Whether the browser knows this zone name. */
  function isKnownTimeZone(timeZone) {
    try {
      Intl.DateTimeFormat('en-GB', { timeZone });
      return true;
    } catch (error) {
      return false;
    }
  }

  /** The wall-clock date ("2026-11-21") and time ("07:30") of an instant in a zone. */
  function zonedParts(instantMs, timeZone) {
    const parts = {};
    const format = new Intl.DateTimeFormat('en-GB', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    for (const part of format.formatToParts(new Date(instantMs))) parts[part.type] = part.value;
    return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}`, second: Number(parts.second) };
  }

  /** The calendar date of an instant in a zone. */
  function localDate(instantMs, timeZone) {
    return zonedParts(instantMs, timeZone).date;
  }

  /** The instant a wall-clock date and time in a zone names: the earlier one when clocks go back,
   * and the reading an hour on when the time falls in the gap as they go forward. */
  function zonedToInstant(date, time, timeZone) {
    const [y, m, d] = date.split('-').map(Number);
    const [hh, mm] = (time || '00:00').split(':').map(Number);
    const wanted = Date.UTC(y, m - 1, d, hh, mm);
    const offsetAt = (ms) => {
      const p = zonedParts(ms, timeZone);
      const [py, pm, pd] = p.date.split('-').map(Number);
      const [ph, pmin] = p.time.split(':').map(Number);
      return Date.UTC(py, pm - 1, pd, ph, pmin, p.second) - (ms - (ms % 1000));
    };
    // The zone's offsets a day either side cover both readings around any daylight-saving change.
    const DAY = 86400000;
    const candidates = [wanted - offsetAt(wanted - DAY), wanted - offsetAt(wanted + DAY)];
    const real = candidates.filter((ms) => {
      const p = zonedParts(ms, timeZone);
      return p.date === date && p.time === `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
    });
    return real.length ? Math.min(...real) : candidates[0];
  }

  /** "2026-11-21T07:30:00Z": an instant to the second, as records store it. */
  function isoInstant(instantMs) {
    return new Date(Math.floor(instantMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  }

  steady.localTime = { deviceTimeZone, isKnownTimeZone, zonedParts, localDate, zonedToInstant, isoInstant };
})(globalThis.steady);
