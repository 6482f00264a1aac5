// The program the runner follows, for the screens that show it beside other things (Home, the
// plan, the player). Most runners follow none, so the store is read first and the programs
// bundle (its rules and screens) is loaded only when an enrolment is active.
(function (steady) {
  'use strict';

  /** {enrolment, program, schedule, settings, today} for the program being followed, or null. */
  async function followedProgram(catalog) {
    const db = await steady.db.openDatabase();
    const enrolments = await db.getAll(steady.db.STORES.enrolments);
    if (!enrolments.some((e) => !e.left_on && !e.finished_on)) return null;
    await steady.screenBundles.loadScreenBundle('programs');
    return steady.components['programWeek'].followed(catalog); // defined by the bundle just loaded
  }

  steady.components.followedProgram = followedProgram;
})(globalThis.steady);
