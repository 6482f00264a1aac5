// Importing an export (this device's or the account's) back onto the device: what is here now,
// the plan the import rule makes of the file, and storing it through the outbox in one
// transaction, so imported records reach the account like any other write.
(function (steady) {
  'use strict';
  const { STORES } = steady.db;

  const byId = (records) => Object.fromEntries(records.map((r) => [r.id, r.updated_at]));

  /** The plan for importing file text `text` (see rules/data-import.js): {error} or {sessions, routines, levels, enrolments,
   * settings, summary}. Needs the programs bundle (the enrolment rule and store) loaded. */
  async function planImport(text) {
    const [sessions, routines, levels, enrolments, chosen, values] = await Promise.all([
      steady.sessions.listSessions(), steady.customRoutines.listRoutines(), steady.levels.levelsBySlug(),
      // The enrolments come with the programs bundle: looked up by name.
      steady['enrolments'].listEnrolments(), steady.settings.storedSettings(), steady.settings.readSettings(),
    ]);
    const here = {
      sessions: byId(sessions), routines: byId(routines), levels: Object.fromEntries([...levels].map(([slug, l]) => [slug, l.updated_at])),
      enrolments: Object.fromEntries(enrolments.map((e) => [e.program, e.updated_at])),
      settings: { values, chosen: chosen.map((s) => s.key) },
    };
    const today = steady.localTime.localDate(Date.now(), steady.settings.sessionTimeZone(values));
    return steady.rules.dataImport.planImport(text, here, today);
  }

  /** Store a plan's records, all or none, each queued for sync. */
  async function applyImport(plan) {
    const now = steady.localTime.isoInstant(Date.now());
    await steady.outbox.putAllWithChanges([
      ...plan.sessions.map((record) => ({ store: STORES.sessions, entity: 'session', record, id: record.id })),
      ...plan.routines.map((record) => ({ store: STORES.routines, entity: 'routine', record, id: record.id })),
      ...plan.levels.map((record) => ({ store: STORES.levels, entity: 'level', record, id: record.exercise })),
      ...plan.enrolments.map((record) => ({ store: STORES.enrolments, entity: 'enrolment', record, id: record.program })),
      ...plan.settings.map(({ key, value, updated_at: at }) => ({ store: STORES.settings, entity: 'settings', record: { key, value, updated_at: at || now }, id: key })),
    ]);
    if (plan.sessions.length) steady.storagePersistence.sessionLogged(); // there is now something worth keeping
  }

  steady.dataImport = { planImport, applyImport };
})(globalThis.steady);
