// A calendar heat map of sessions drawn as SVG: one column per calendar week, one row per
// weekday from the runner's week start, darker for more sessions, hatched for paused days;
// with the same weeks as a table a screen reader can read.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const { s } = steady.components.svg;

  const CELL = 12;
  const GAP = 2;
  const LEFT = 26; // weekday labels
  const TOP = 16; // month labels
  const DAY_MS = 86400000;

  const { dateText } = steady.labels.dates;

  function level(count) {
    return Math.min(count, 3);
  }

  /**
   * `weeks`: [{start: day number, days: [{day, count, paused, future}] × 7}], oldest first;
   * `weekdays`: seven short names from the week start; `id` for the title.
   */
  function heatMap({ id, weeks, weekdays, description, caption }) {
    const width = LEFT + weeks.length * (CELL + GAP);
    const height = TOP + 7 * (CELL + GAP);
    const cells = [];
    const months = [];
    weeks.forEach((week, column) => {
      const x = LEFT + column * (CELL + GAP);
      const firstOfMonth = week.days.find((d) => new Date(d.day * DAY_MS).getUTCDate() === 1);
      if (firstOfMonth && column < weeks.length - 1) months.push(s('text', { class: 'chart-axis', x, y: TOP - 5 }, dateText(firstOfMonth.day, { day: false })));
      week.days.forEach((d, row) => {
        if (d.future) return;
        const classes = `heat-cell heat-${level(d.count)}${d.paused ? ' heat-paused' : ''}`;
        const cell = s('rect', { class: classes, x, y: TOP + row * (CELL + GAP), width: CELL, height: CELL, rx: 2 });
        // A style, not a class: the pattern's id is this map's own. Set through CSSOM, because the
        // Content-Security-Policy refuses style="" attributes.
        if (d.paused) cell.style.setProperty('fill', `url(#${id}-hatch)`);
        cells.push(cell);
      });
    });
    const labels = weekdays.map((name, row) => (row % 2 === 0
      ? s('text', { class: 'chart-axis', x: 0, y: TOP + row * (CELL + GAP) + CELL - 2 }, name) : null));
    const titleId = `${id}-title`;
    const svg = s('svg', { class: 'heat-map', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': titleId, focusable: 'false' },
      s('title', { id: titleId }, description),
      s('defs', {}, s('pattern', { id: `${id}-hatch`, width: 4, height: 4, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        s('line', { class: 'heat-hatch', x1: 0, y1: 0, x2: 0, y2: 4 }))),
      months, labels, cells);
    const legend = h('p', { class: 'heat-legend', 'aria-hidden': 'true' },
      'Fewer', [0, 1, 2, 3].map((n) => h('span', { class: `heat-swatch heat-${n}` })), 'More',
      h('span', { class: 'heat-swatch heat-paused-swatch' }), 'Paused');
    const table = h('details', { class: 'chart-table' },
      h('summary', {}, 'Show as a table'),
      h('div', { class: 'table-scroll' },
        h('table', {},
          h('caption', {}, caption),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Week of'), h('th', { scope: 'col' }, 'Sessions'), h('th', { scope: 'col' }, 'Days trained'))),
          h('tbody', {}, [...weeks].reverse().map((week) => {
            const trained = week.days.filter((d) => d.count);
            const paused = week.days.some((d) => d.paused);
            return h('tr', {},
              h('th', { scope: 'row' }, dateText(week.start, { year: true })),
              h('td', {}, String(trained.reduce((sum, d) => sum + d.count, 0))),
              h('td', {}, [trained.map((d) => dateText(d.day, { weekday: true, day: false, month: false })).join(', ') || 'None', paused ? ' (paused)' : '']));
          })))));
    return h('figure', { class: 'chart-figure heat-figure', id }, svg, legend, table);
  }

  steady.components.heatMap = { heatMap };
})(globalThis.steady);
