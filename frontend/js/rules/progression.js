// Progression ladders. Pure: plain values in, plain values out; no storage, no DOM, no clock.
// server/progress/rules/progression.py is the same rule in Python; tests/vectors/progression.json
// is the one set of cases both must pass, so change all three together.
//
// A ladder is double progression: the dose (reps or seconds) climbs from `low` to `high` in
// `step`s on one rung (a condition such as "on a foam pad" or "2 kg"), then the next rung starts
// again at `low`. With no level yet, the runner starts on the first rung at `start` (the dose the
// exercise's card prescribes) or else `low`. A level is {rung, dose, since}; only sessions started after `since` (when the
// level was set or a suggestion declined) count toward the next suggestion, so a declined
// suggestion is asked again only after two more sessions that earn it.
//
// Ready to progress: the target met on both sides in the last 2 sessions of the exercise, at the
// level's conditions, with no pain flag. Any pain flag in those sessions holds the level; "stop"
// in the latest also suggests the easier version.
(function (steady) {
  'use strict';
  const { isNumber, wholeIn } = steady.rules.jsonValues;

  const CONDITIONS = ['surface', 'eyes', 'footwear', 'load_kg'];
  const SESSIONS_NEEDED = 2;
  const UNITS = { seconds: ' s', reps: ' reps' };

  const onSteps = (ladder, dose) => wholeIn(dose, ladder.low, ladder.high) && (dose - ladder.low) % ladder.step === 0;

  // A missing or out-of-range level (an edited ladder, a bad record) starts at the bottom.
  function levelIn(ladder, level) {
    const chosen = level !== null && typeof level === 'object' ? level : {};
    const start = onSteps(ladder, ladder.start) ? ladder.start : ladder.low;
    return {
      rung: wholeIn(chosen.rung, 0, ladder.rungs.length - 1) ? chosen.rung : 0,
      dose: onSteps(ladder, chosen.dose) ? chosen.dose : start,
      since: typeof chosen.since === 'string' ? chosen.since : null,
    };
  }

  function prescriptionAt(ladder, place) {
    const rung = ladder.rungs[place.rung];
    const conditions = {};
    for (const key of CONDITIONS) if (key in rung) conditions[key] = rung[key];
    return { rung: place.rung, label: rung.label, conditions, dose: ladder.dose, target: place.dose };
  }

  // A bigger dose, or the next rung at the low dose; null at the top.
  function harder(ladder, place) {
    if (place.dose + ladder.step <= ladder.high) return { rung: place.rung, dose: place.dose + ladder.step };
    if (place.rung + 1 < ladder.rungs.length) return { rung: place.rung + 1, dose: ladder.low };
    return null;
  }

  // The rung below at its top dose, or the low dose on the first rung; null at the bottom.
  function easier(ladder, place) {
    if (place.rung > 0) return { rung: place.rung - 1, dose: ladder.high };
    if (place.dose > ladder.low) return { rung: 0, dose: ladder.low };
    return null;
  }

  function entriesOf(session, exercise) {
    return Array.isArray(session.entries)
      ? session.entries.filter((e) => e !== null && typeof e === 'object' && e.exercise === exercise) : [];
  }

  // A condition left blank in the log is taken as the prescribed one; a different one is not this level.
  function atConditions(entry, conditions) {
    return Object.entries(conditions).every(([key, value]) => entry[key] === undefined || entry[key] === null || entry[key] === value);
  }

  function targetMet(entries, dose, target, conditions, unilateral) {
    const sides = new Set();
    for (const entry of entries) {
      const amount = entry[dose];
      if (isNumber(amount) && amount >= target && atConditions(entry, conditions)) {
        if (entry.side === 'both' || !unilateral) { sides.add('left'); sides.add('right'); } else sides.add(entry.side);
      }
    }
    return sides.has('left') && sides.has('right');
  }

  function message(reason, ladder, target) {
    const amount = `${target}${UNITS[ladder.dose]}`;
    return {
      top: 'You are at the top of this ladder: keep it steady.',
      stop: 'You stopped for pain last time: go back to the easier version until it settles.',
      pain: 'Holding this level: you flagged pain in one of your last 2 sessions.',
      ready: `Ready to progress: you reached ${amount} on both sides in your last 2 sessions.`,
      not_yet: `Not yet: reach ${amount} on both sides in 2 sessions in a row.`,
      too_few: `Log 2 sessions at ${amount} to see when it is time to progress.`,
    }[reason];
  }

  const text = (value) => (value === undefined || value === null ? '' : String(value));
  const byDate = (a, b) => {
    const x = [text(a.local_date), text(a.started_at)];
    const y = [text(b.local_date), text(b.started_at)];
    if (x[0] !== y[0]) return x[0] < y[0] ? -1 : 1;
    return x[1] === y[1] ? 0 : x[1] < y[1] ? -1 : 1;
  };

  /** Where the runner stands on a ladder: what to do now, and whether to step up, hold or ease off. */
  function progression(ladder, level, sessions, unilateral) {
    const place = levelIn(ladder, level);
    const now = prescriptionAt(ladder, place);
    const after = (s) => place.since === null || (typeof s.started_at === 'string' && s.started_at > place.since);
    const done = sessions.filter((s) => s !== null && typeof s === 'object' && entriesOf(s, ladder.exercise).length && after(s));
    done.sort(byDate);
    const last = done.slice(-SESSIONS_NEEDED);
    const pains = last.map((s) => s.pain);
    const stepUp = harder(ladder, place);
    let reason;
    if (pains.length && pains[pains.length - 1] === 'stop') reason = 'stop';
    else if (pains.some((p) => p === 'mild' || p === 'stop')) reason = 'pain';
    else if (stepUp === null) reason = 'top';
    else if (last.length < SESSIONS_NEEDED) reason = 'too_few';
    else if (last.every((s) => targetMet(entriesOf(s, ladder.exercise), ladder.dose, place.dose, now.conditions, unilateral))) reason = 'ready';
    else reason = 'not_yet';
    return {
      level: place,
      prescription: now,
      ready: reason === 'ready',
      reason,
      message: message(reason, ladder, place.dose),
      next: reason === 'ready' ? stepUp : null,
      easier: reason === 'stop' ? easier(ladder, place) : null,
    };
  }

  steady.rules.progression = { progression };
})(globalThis.steady);
