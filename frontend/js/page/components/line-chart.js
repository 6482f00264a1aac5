// A small line chart drawn as SVG (no chart library), one line per series with its own
// marker and dash so colour is never the only difference, and the same numbers as a table
// a screen reader can read.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const { s } = steady.components.svg;

  const WIDTH = 340;
  const HEIGHT = 170;
  const PAD = { left: 38, right: 10, top: 12, bottom: 26 };
  const MARKERS = {
    circle: (x, y) => s('circle', { cx: x, cy: y, r: 3.5 }),
    square: (x, y) => s('rect', { x: x - 3.2, y: y - 3.2, width: 6.4, height: 6.4 }),
    diamond: (x, y) => s('path', { d: `M${x} ${y - 4.5}L${x + 4.5} ${y}L${x} ${y + 4.5}L${x - 4.5} ${y}Z` }),
  };

  // A round top for the y axis: 1, 2 or 5 times a power of ten, at or above the largest value.
  function niceMax(value) {
    if (value <= 0) return 1;
    const power = 10 ** Math.floor(Math.log10(value));
    return [1, 2, 5, 10].map((m) => m * power).find((top) => top >= value);
  }

  function round(n) {
    return Math.round(n * 10) / 10;
  }

  /**
   * The chart and its table. `points`: [{x: number, label: 'text', values: {key: number}}] in x order;
   * `series`: [{key, label, marker: 'circle'|'square'|'diamond', className}]; `format(value)` writes a value.
   */
  function lineChart({ id, title, description, points, series, xHeading, format }) {
    const plotWidth = WIDTH - PAD.left - PAD.right;
    const plotHeight = HEIGHT - PAD.top - PAD.bottom;
    const first = points[0].x;
    const span = points[points.length - 1].x - first;
    const top = niceMax(Math.max(...points.flatMap((p) => Object.values(p.values))));
    const xOf = (x) => round(PAD.left + (span ? ((x - first) / span) * plotWidth : plotWidth / 2));
    const yOf = (v) => round(PAD.top + plotHeight - (v / top) * plotHeight);

    const grid = [0, top / 2, top].map((v) => s('g', { class: 'chart-grid' },
      s('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: yOf(v), y2: yOf(v) }),
      s('text', { x: PAD.left - 6, y: yOf(v) + 4, 'text-anchor': 'end' }, format(v))));
    const xLabels = [points[0], points[points.length - 1]].filter((p, i) => i === 0 || span).map((p, i) => s('text', {
      class: 'chart-axis', x: xOf(p.x), y: HEIGHT - 6, 'text-anchor': span ? (i === 0 ? 'start' : 'end') : 'middle',
    }, p.label));
    const lines = series.map((line) => {
      const mine = points.filter((p) => line.key in p.values);
      const coords = mine.map((p) => [xOf(p.x), yOf(p.values[line.key])]);
      return s('g', { class: `chart-series ${line.className}` },
        coords.length > 1 ? s('polyline', { points: coords.map((c) => c.join(',')).join(' ') }) : null,
        coords.map(([x, y]) => MARKERS[line.marker](x, y)));
    });

    const titleId = `${id}-title`;
    const svg = s('svg', { class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': titleId, focusable: 'false' },
      s('title', { id: titleId }, description), grid, xLabels, lines);
    const legend = h('ul', { class: 'chart-legend', 'aria-hidden': 'true' },
      series.map((line) => h('li', { class: line.className },
        h('span', { class: `legend-mark legend-${line.marker}` }), line.label)));
    const table = h('details', { class: 'chart-table' },
      h('summary', {}, 'Show as a table'),
      h('div', { class: 'table-scroll' },
        h('table', {},
          h('caption', {}, title),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, xHeading), series.map((line) => h('th', { scope: 'col' }, line.label)))),
          h('tbody', {}, [...points].reverse().map((p) => h('tr', {},
            h('th', { scope: 'row' }, p.label),
            series.map((line) => h('td', {}, line.key in p.values ? format(p.values[line.key]) : '–'))))))));
    return h('figure', { class: 'chart-figure', id }, svg, legend, table);
  }

  steady.components.lineChart = { lineChart, niceMax };
})(globalThis.steady);
