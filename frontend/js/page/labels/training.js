// Human words for the training log's vocabulary, and how its numbers and dates are written.
(function (steady) {
  'use strict';

  const SIDES = { left: 'Left', right: 'Right', both: 'Both sides' };
  const SURFACES = { floor: 'Floor', towel: 'Folded towel', foam_pad: 'Foam pad', wobble_board: 'Wobble board' };
  const EYES = { open: 'Eyes open', closed: 'Eyes closed' };
  const FOOTWEAR = { shoes: 'Shoes', barefoot: 'Barefoot' };
  const PAIN = { none: 'None', mild: 'Mild', stop: 'Had to stop' };
  const { loadInUnits } = steady.components.formFields;

  /** A routine's name from its slug (catalogue) or id (custom); null for none. */
  function routineName(ref, catalog, customById) {
    if (!ref) return null;
    const routine = catalog.routine.get(ref) || (customById && customById.get(ref));
    return routine ? routine.name : 'A deleted routine';
  }

  /** What a session is called in lists: its routine, else its exercises. */
  function sessionTitle(session, catalog, customById) {
    const name = routineName(session.routine, catalog, customById);
    if (name) return name;
    const names = [...new Set(session.entries.map((e) => exerciseName(e.exercise, catalog)))];
    return names.length > 2 ? `${names.slice(0, 2).join(', ')} and ${names.length - 2} more` : names.join(' and ');
  }

  /** An exercise's name, or its slug if the catalogue no longer has it. */
  function exerciseName(slug, catalog) {
    const exercise = catalog.exercise.get(slug);
    return exercise ? exercise.name : slug;
  }

  /** "Sat 21 Nov 2026 · 07:30" (in the browser's locale), on the clock of the zone the session was in. */
  function sessionWhen(session) {
    const day = steady.labels.dates.dateText(session.local_date, { weekday: true, year: true });
    const instant = steady.rules.session.instantMillis(session.started_at);
    const time = instant === null ? '' : steady.localTime.zonedParts(instant, session.time_zone).time;
    return time ? `${day} · ${time}` : day;
  }

  /** "25 min", "1 h 5 min", or "under a minute". */
  function sessionLength(session) {
    const start = steady.rules.session.instantMillis(session.started_at);
    const end = steady.rules.session.instantMillis(session.ended_at);
    const minutes = start === null || end === null ? 0 : Math.round((end - start) / 60000);
    if (minutes < 1) return 'under a minute';
    return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
  }

  /** "10 reps", "30 s", "10 reps · 30 s". */
  function boutText(entry) {
    const parts = [];
    if (entry.reps !== null && entry.reps !== undefined) parts.push(`${entry.reps} rep${entry.reps === 1 ? '' : 's'}`);
    if (entry.seconds !== null && entry.seconds !== undefined) parts.push(`${entry.seconds} s`);
    return parts.join(' · ');
  }

  /** A load for display in the runner's units: "3 kg", "6.6 lb". */
  function loadText(kg, units) {
    if (kg === null || kg === undefined) return '';
    return `${loadInUnits(kg, units)} ${units === 'lb' ? 'lb' : 'kg'}`;
  }

  /** "3 kg · Foam pad · Eyes closed · Barefoot": the conditions of an entry, or ''. */
  function conditionsText(entry, units) {
    return [loadText(entry.load_kg, units), SURFACES[entry.surface], EYES[entry.eyes], FOOTWEAR[entry.footwear]]
      .filter(Boolean).join(' · ');
  }

  /** "0:45" or "12". */
  function clock(seconds) {
    return seconds >= 60 ? `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}` : String(seconds);
  }

  steady.labels.training = {
    SIDES, SURFACES, EYES, FOOTWEAR, PAIN,
    routineName, sessionTitle, exerciseName, sessionWhen, sessionLength, boutText, loadText, conditionsText, clock,
  };
})(globalThis.steady);
