// Left/right asymmetry of single-leg work. Pure: plain values in, plain values out; no clock
// (`today`, 'YYYY-MM-DD', is passed in). server/progress/rules/asymmetry.py is the same rule in
// Python; tests/vectors/asymmetry.json is the one set of cases both must pass, so change all
// three together.
//
// Per unilateral exercise, each session inside the window (the last `weeks` weeks up to and
// including `today`, by the session's own local date) that worked both sides gives a left and a
// right total of the exercise's dose (reps or seconds); the figure is the mean of those totals.
// The deficit is how far the weaker side falls below the stronger, in whole percent.
(function (steady) {
  'use strict';
  const { isNumber, isLocalDate } = steady.rules.jsonValues;

  const DEFAULT_WEEKS = 4;
  const DAY_MS = 86400000;
  const dayOf = (value) => Date.UTC(+value.slice(0, 4), +value.slice(5, 7) - 1, +value.slice(8, 10)) / DAY_MS;

  function sideTotals(entries, exercise, dose) {
    const totals = { left: 0, right: 0 };
    for (const entry of Array.isArray(entries) ? entries : []) {
      if (entry !== null && typeof entry === 'object' && entry.exercise === exercise && (entry.side === 'left' || entry.side === 'right')) {
        const amount = entry[dose];
        if (isNumber(amount) && amount > 0) totals[entry.side] += amount;
      }
    }
    return totals;
  }

  // One decimal, halves away from zero, the same in both languages.
  const rounded = (value) => Math.floor(value * 10 + 0.5) / 10;

  function message(weaker, deficit, weeks) {
    const span = weeks === 1 ? 'the last week' : `the last ${weeks} weeks`;
    if (weaker === null) return `Left and right are even over ${span}.`;
    const stronger = weaker === 'left' ? 'right' : 'left';
    return `${weaker[0].toUpperCase()}${weaker.slice(1)} is ${deficit}% below ${stronger} over ${span}.`;
  }

  /** {slug: {left, right, deficit_pct, weaker, sessions, message}} for each unilateral exercise worked on both sides. */
  function asymmetry(sessions, doses, today, weeks = DEFAULT_WEEKS) {
    if (!isLocalDate(today)) return {};
    const end = dayOf(today);
    const start = end - (7 * weeks - 1);
    const inWindow = sessions.filter((s) => s !== null && typeof s === 'object' && isLocalDate(s.local_date)
      && start <= dayOf(s.local_date) && dayOf(s.local_date) <= end);
    const result = {};
    for (const exercise of Object.keys(doses).sort()) {
      const pairs = inWindow.map((s) => sideTotals(s.entries, exercise, doses[exercise])).filter((t) => t.left && t.right);
      if (!pairs.length) continue;
      const left = pairs.reduce((sum, p) => sum + p.left, 0) / pairs.length;
      const right = pairs.reduce((sum, p) => sum + p.right, 0) / pairs.length;
      const stronger = Math.max(left, right);
      const deficit = Math.floor(((stronger - Math.min(left, right)) / stronger) * 100 + 0.5);
      const weaker = deficit === 0 ? null : left < right ? 'left' : 'right';
      result[exercise] = {
        left: rounded(left), right: rounded(right), deficit_pct: deficit, weaker, sessions: pairs.length,
        message: message(weaker, deficit, weeks),
      };
    }
    return result;
  }

  steady.rules.asymmetry = { asymmetry };
})(globalThis.steady);
