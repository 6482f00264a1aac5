// Progress (/progress): the streaks, a calendar heat map of sessions, how left and right compare
// on per-side exercises, and each exercise's best hold or reps per side over the last year. Everything is drawn from the log on this device.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const P = steady.labels.progress;
  const { dayNumber, sessionsPerDay, exerciseSeries, pausedDay } = steady.progressSeries;
  const HEAT_WEEKS = 26;
  const CHART_WEEKS = 52; // charts show the last year: a phone-wide chart cannot show ten
  const SIDE_LINES = {
    left: { label: 'Left', marker: 'circle', className: 'chart-left' },
    right: { label: 'Right', marker: 'square', className: 'chart-right' },
    both: { label: 'Both sides', marker: 'diamond', className: 'chart-both' },
  };

  function stat(label, value, meta) {
    return h('div', { class: 'stat' }, h('dt', {}, label), h('dd', {}, h('span', { class: 'stat-value' }, value), h('span', { class: 'stat-meta' }, meta)));
  }

  function thisWeekMeta(weekly) {
    if (weekly.this_week_met) return 'Target met: this week counts.';
    const order = Object.keys(P.WEEK_DAYS);
    const lastDay = P.WEEK_DAYS[order[(order.indexOf(weekly.week_start) + 6) % 7]];
    const more = P.count(weekly.target - weekly.this_week, 'more session');
    return `In progress: ${more} by ${lastDay} to ${weekly.current ? 'keep the streak going' : 'start a streak'}.`;
  }

  function freezeMeta(freezes) {
    const used = freezes.used;
    if (!used.length) return 'None used yet.';
    const latest = used.slice(-3).map((d) => P.dateText(d, { year: true })).join(', ');
    return `${used.length} used, the latest for the week of ${latest}.`.replace(/^1 used, the latest/, 'Used');
  }

  function pauseNotes(streaks) {
    const notes = [];
    const today = streaks.pauses.today;
    if (today) {
      notes.push(h('p', { class: 'pause-note' }, h('strong', {}, `Paused (${P.PAUSE_KINDS[today.kind].toLowerCase()})`),
        ` from ${P.dateText(today.start)} to ${P.dateText(today.end, { year: true })}: these days neither count toward your streaks nor break them.`));
    }
    const weeks = streaks.pauses.weeks;
    if (weeks.length) {
      notes.push(h('p', { class: 'hint' }, `${P.count(weeks.length, 'week')} skipped for a pause, neither counting nor breaking the streak; the latest was the week of ${P.dateText(weeks[weeks.length - 1], { year: true })}.`));
    }
    return notes;
  }

  function streakSection(streaks) {
    const { weekly, daily, freezes } = streaks;
    return h('section', { class: 'streaks', 'aria-labelledby': 'progress-streaks' },
      h('h2', { id: 'progress-streaks' }, 'Streaks'),
      pauseNotes(streaks),
      h('dl', { class: 'stats' },
        stat('This week', `${weekly.this_week} of ${weekly.target}`, thisWeekMeta(weekly)),
        stat('Weekly target streak', P.count(weekly.current, 'week'), `Longest: ${P.count(weekly.longest, 'week')}.`),
        stat('Daily streak', P.count(daily.current, 'day'), `Longest: ${P.count(daily.longest, 'day')}.`),
        stat('Freezes banked', String(freezes.banked), freezeMeta(freezes))),
      h('p', { class: 'hint' },
        `Weeks are calendar weeks starting on ${P.WEEK_DAYS[weekly.week_start]}, not rolling 7-day windows. `,
        `Your target is ${P.count(weekly.target, 'session')} a week; every session counts, so two on one day are two. `,
        'A freeze is earned for every 4 weeks you meet the target (2 at most) and is used by itself on a week you miss. ',
        h('a', { href: '/settings#streak-settings' }, 'Change the target, week start or pauses')));
  }

  function heatWeeks(perDay, settings, streaks, today) {
    const thisWeek = dayNumber(streaks.weekly.this_week_start);
    const last = dayNumber(today);
    const paused = pausedDay(settings.pauses);
    const weeks = [];
    for (let start = thisWeek - (HEAT_WEEKS - 1) * 7; start <= thisWeek; start += 7) {
      const days = [];
      for (let day = start; day < start + 7; day += 1) {
        const date = steady.progressSeries.isoDate(day);
        days.push({ day, count: perDay.get(date) || 0, paused: paused(date), future: day > last });
      }
      weeks.push({ start, days });
    }
    return weeks;
  }

  function heatSection(sessions, settings, streaks, today) {
    const weeks = heatWeeks(sessionsPerDay(sessions), settings, streaks, today);
    const days = weeks.flatMap((w) => w.days).filter((d) => d.count);
    const total = days.reduce((sum, d) => sum + d.count, 0);
    const order = Object.keys(P.WEEK_DAYS);
    const first = order.indexOf(streaks.weekly.week_start);
    const weekdays = [...order.slice(first), ...order.slice(0, first)].map((d) => P.WEEK_DAYS[d].slice(0, 3));
    return h('section', { 'aria-labelledby': 'progress-calendar' },
      h('h2', { id: 'progress-calendar' }, 'Calendar'),
      steady.components.heatMap.heatMap({
        id: 'heat-map',
        weeks,
        weekdays,
        description: `Sessions in the last ${HEAT_WEEKS} weeks: ${P.count(total, 'session')} on ${P.count(days.length, 'day')}.`,
        caption: `Sessions per week, the last ${HEAT_WEEKS} weeks, newest first`,
      }));
  }

  function exerciseChart(series, catalog, index) {
    const name = steady.labels.training.exerciseName(series.exercise, catalog);
    const what = series.measure === 'seconds' ? 'hold' : 'reps';
    const per = P.GROUPING[series.grouping];
    const points = series.points.map((p) => ({
      x: dayNumber(p.date),
      label: series.grouping === 'month' ? P.dateText(p.date, { year: true, day: false }) : P.dateText(p.date, { year: series.grouping !== 'day' }),
      values: Object.fromEntries(series.sides.filter((side) => side in p).map((side) => [side, p[side]])),
    }));
    const latest = points[points.length - 1];
    const latestText = series.sides.filter((side) => side in latest.values)
      .map((side) => `${SIDE_LINES[side].label.toLowerCase()} ${P.valueText(latest.values[side], series.measure)}`).join(', ');
    const span = points.length > 1 ? `from ${points[0].label} to ${latest.label}` : `on ${latest.label}`;
    return h('section', { class: 'exercise-progress', 'aria-labelledby': `chart-${index}-heading` },
      h('h3', { id: `chart-${index}-heading` }, name),
      h('p', { class: 'hint' }, series.measure === 'seconds' ? `Best hold per ${per} in seconds, per side.` : `Best reps per ${per}, per side.`),
      steady.components.lineChart.lineChart({
        id: `chart-${index}`,
        title: `${name}: best ${what} per ${per}`,
        description: `${name}: best ${what} per ${per}, ${P.count(points.length, per)} ${span}. Latest: ${latestText}.`,
        points,
        series: series.sides.map((side) => ({ key: side, ...SIDE_LINES[side] })),
        xHeading: series.grouping === 'day' ? 'Day' : `${per[0].toUpperCase()}${per.slice(1)}${series.grouping === 'week' ? ' of' : ''}`,
        format: (value) => P.valueText(value, series.measure),
      }));
  }

  function sideItem(slug, found, dose, catalog) {
    const unit = (value) => (dose === 'seconds' ? P.valueText(value, dose) : P.count(value, 'rep'));
    return h('li', {},
      h('strong', {}, steady.labels.training.exerciseName(slug, catalog)), ' ', found.message,
      h('span', { class: 'stat-meta' }, `Mean per session: left ${unit(found.left)}, right ${unit(found.right)}; ${P.count(found.sessions, 'session')} with both sides.`));
  }

  // Weakest side first: the biggest gap is the one worth working on.
  function sidesSection(sessions, catalog, today) {
    const { WEEKS, unilateralDoses } = steady.components.asymmetryLine;
    const doses = unilateralDoses(catalog.everyExercise); // retired ones too: the history still holds them
    const result = steady.rules.asymmetry.asymmetry(sessions, doses, today, WEEKS);
    const slugs = Object.keys(result).sort((a, b) => result[b].deficit_pct - result[a].deficit_pct);
    return h('section', { class: 'sides', 'aria-labelledby': 'progress-sides' },
      h('h2', { id: 'progress-sides' }, 'Left and right'),
      slugs.length
        ? [h('p', { class: 'hint' }, `Per-side exercises over the last ${P.count(WEEKS, 'week')}, from the sessions that worked both sides.`),
          h('ul', { class: 'side-list' }, slugs.map((slug) => sideItem(slug, result[slug], doses[slug], catalog)))]
        : h('p', { class: 'empty' }, `Log both sides of a per-side exercise in a session and how your left and right compare over the last ${P.count(WEEKS, 'week')} shows here.`));
  }

  function chartsSection(sessions, settings, catalog) {
    const weekStartDay = Object.keys(P.WEEK_DAYS).indexOf(settings.week_start);
    const all = exerciseSeries(sessions, { weekStartDay: Math.max(0, weekStartDay) });
    return h('section', { 'aria-labelledby': 'progress-exercises' },
      h('h2', { id: 'progress-exercises' }, 'Exercises'),
      h('p', { class: 'hint' }, 'Your best per side, over the last 12 months.'),
      all.length
        ? all.map((series, index) => exerciseChart(series, catalog, index))
        : h('p', { class: 'empty' }, 'No holds or reps logged in the last 12 months. Each exercise you log gets its own chart here.'));
  }

  async function fill(body, { catalog }) {
    const { logged, settings, today, streaks } = await steady.components.streakReader.readStreaks();
    // Whole records only for the calendar and charts, so a long history costs little more to draw.
    const since = steady.progressSeries.isoDate(dayNumber(streaks.weekly.this_week_start) - (CHART_WEEKS - 1) * 7);
    const sessions = await steady.sessions.listSessionsSince(since);
    const empty = h('p', { class: 'empty' }, 'No sessions yet. ', h('a', { href: '/routines' }, 'Start a routine'), ' or ', h('a', { href: '/log' }, 'log one'), ' and your progress fills in here.');
    body.replaceChildren(...[
      streakSection(streaks),
      logged ? null : empty,
      heatSection(sessions, settings, streaks, today),
      sidesSection(sessions, catalog, today),
      chartsSection(sessions, settings, catalog),
    ].filter(Boolean));
    // Lets benchmarks and tests read when the screen was fully drawn.
    performance.mark('steady:progress-drawn');
  }

  /** Streaks, the calendar, left against right and per-exercise charts, from the log on this device. */
  function progress(context) {
    const body = h('div', {}, h('p', { class: 'status-message' }, 'Loading…'));
    fill(body, context).catch((error) => body.replaceChildren(h('p', { role: 'alert' }, `Could not read your progress: ${error.message}`)));
    return { title: 'Progress', node: h('div', { class: 'page progress' }, h('h1', {}, 'Progress'), body) };
  }

  steady.views.progress = progress;
})(globalThis.steady);
