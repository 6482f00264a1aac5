// How the runner's left and right compare on single-leg work, from the log on this device: the
// sentence the exercise card and the progress screen show, and the weaker side the player starts on.
(function (steady) {
  'use strict';
  const { h } = steady.dom;

  const WEEKS = 4;
  const DAY_MS = 86400000;
  const NO_DATA = 'Log both sides in a session to see how your left and right compare.';

  /** The measure an exercise's sides are compared in: reps when its card prescribes reps, else seconds. */
  function doseOf(exercise) {
    return exercise.prescription && exercise.prescription.reps ? 'reps' : 'seconds';
  }

  /** {slug: 'reps' | 'seconds'} for the given exercises that are done one side at a time. */
  function unilateralDoses(exercises) {
    return Object.fromEntries(exercises.filter((e) => e && e.unilateral).map((e) => [e.slug, doseOf(e)]));
  }

  // The first day of the window ending `today`, so only the sessions the rule reads are fetched.
  function windowStart(today) {
    const end = Date.UTC(+today.slice(0, 4), +today.slice(5, 7) - 1, +today.slice(8, 10));
    return new Date(end - (7 * WEEKS - 1) * DAY_MS).toISOString().slice(0, 10);
  }

  /** The asymmetry rule's result for these exercises over the last WEEKS weeks, up to today on the runner's calendar. */
  async function readAsymmetry(exercises) {
    const settings = await steady.settings.readSettings();
    const today = steady.localTime.localDate(Date.now(), steady.settings.sessionTimeZone(settings));
    const sessions = await steady.sessions.listSessionsSince(windowStart(today));
    return steady.rules.asymmetry.asymmetry(sessions, unilateralDoses(exercises), today, WEEKS);
  }

  /** {slug: 'left' | 'right'}: the weaker side of each exercise that has one (even or unlogged ones are left out). */
  function weakerSides(result) {
    return Object.fromEntries(Object.entries(result).filter(([, a]) => a.weaker).map(([slug, a]) => [slug, a.weaker]));
  }

  /** The card's line for a per-side exercise (null for one done on both sides at once), filled in from the log. */
  function asymmetryLine(exercise) {
    if (!exercise.unilateral) return null;
    const line = h('p', { class: 'asymmetry-line', hidden: true });
    readAsymmetry([exercise]).then((result) => {
      const found = result[exercise.slug];
      line.className = `asymmetry-line${found ? '' : ' hint'}`;
      line.replaceChildren(h('span', { class: 'asymmetry-label' }, 'Your sides'), ' ', found ? found.message : NO_DATA);
      line.hidden = false;
    }).catch(() => undefined); // an unreadable log leaves the card as it is: the card still teaches
    return line;
  }

  steady.components.asymmetryLine = { WEEKS, doseOf, unilateralDoses, readAsymmetry, weakerSides, asymmetryLine };
})(globalThis.steady);
