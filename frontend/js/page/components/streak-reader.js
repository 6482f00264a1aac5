// The streaks as of today on this device, from the dates in the local log and the synced settings.
(function (steady) {
  'use strict';

  /** {logged, settings, today, streaks}: how many sessions, the settings, the runner's date and the streak rule's result. */
  async function readStreaks() {
    // Dates alone are what the rule reads: a stored session always holds at least one exercise.
    const [dates, settings] = await Promise.all([steady.sessions.listSessionDates(), steady.settings.readSettings()]);
    const today = steady.localTime.localDate(Date.now(), steady.settings.sessionTimeZone(settings));
    const sessions = dates.map((date) => ({ local_date: date }));
    return { logged: dates.length, settings, today, streaks: steady.rules.streaks.streaks(sessions, settings, today) };
  }

  steady.components.streakReader = { readStreaks };
})(globalThis.steady);
