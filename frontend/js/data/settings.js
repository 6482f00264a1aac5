// The runner's settings, one record per key, each change queued for sync like any other.
(function (steady) {
  'use strict';
  const store = steady.records.recordStore({ store: steady.db.STORES.settings, entity: 'settings', keyPath: 'key' });

  const DEFAULTS = {
    cue_speech: true, // spoken cues ("Switch sides")
    cue_beeps: true, // beeps at start, halfway, 3-2-1, switch and done
    cue_vibration: true,
    switch_seconds: 5, // the pause to change sides on per-side exercises
    get_ready_seconds: 10,
    units: 'kg', // how loads are shown and typed; records always hold kilograms
    time_zone: 'auto', // 'auto' follows the device; else an IANA name
    weekly_target: 3, // sessions a week that keep a streak going
    week_start: 'monday', // the day a streak's week begins
    pauses: [], // [{start, end, kind: 'rest'|'injury'}], dates YYYY-MM-DD: weeks a streak waits out
    runs: {}, // {weekday: 'easy'|'hard'}: the week plan fits sessions around them
    weaker_side_first: false, // per-side items start with the side the log shows weaker
  };
  // rules/settings.js checks the whole object; DEFAULTS must always pass it.

  /** Every setting as stored: [{ key, value, updated_at }], only those the runner has changed. */
  function storedSettings() {
    return store.list();
  }

  /** Every setting, defaults filled in. */
  async function readSettings() {
    const values = structuredClone(DEFAULTS); // a copy: pauses is a list a caller may change
    for (const record of await storedSettings()) if (record.key in DEFAULTS) values[record.key] = record.value;
    return values;
  }

  /** Store one setting. */
  function saveSetting(key, value) {
    return store.put({ key, value, updated_at: steady.localTime.isoInstant(Date.now()) });
  }

  /** The zone new sessions are logged in. */
  function sessionTimeZone(settings) {
    const chosen = settings.time_zone;
    return chosen && chosen !== 'auto' && steady.localTime.isKnownTimeZone(chosen) ? chosen : steady.localTime.deviceTimeZone();
  }

  steady.settings = { DEFAULTS, storedSettings, readSettings, saveSetting, sessionTimeZone };
})(globalThis.steady);
