// The programs (/programs): blocks of weeks to follow, each with how long it runs and how often.
(function (steady) {
  'use strict';
  const { h } = steady.dom;

  /** "5 weeks · 3–4 sessions a week": a program's length and rhythm. */
  function programShape(program) {
    const counts = program.weeks.map((week) => week.sessions.length);
    if (!counts.length) return 'No weeks yet'; // a studio draft, previewed before its first week
    const [low, high] = [Math.min(...counts), Math.max(...counts)];
    const weeks = program.weeks.length === 1 ? '1 week' : `${program.weeks.length} weeks`;
    const sessions = low === high ? `${low} session${low === 1 ? '' : 's'}` : `${low}–${high} sessions`;
    return `${weeks} · ${sessions} a week`;
  }

  function programList({ catalog }) {
    const list = h('ul', { class: 'card-list' }, catalog.programs.map((program) => h('li', {},
      h('a', { class: 'card', href: `/programs/${program.slug}` },
        h('span', { class: 'card-title' }, program.name),
        h('span', { class: 'card-meta' }, programShape(program)),
        h('span', { class: 'card-text' }, program.summary)))));
    const node = h('div', { class: 'page' },
      h('h1', {}, 'Programs'),
      h('p', { class: 'lead' }, 'A block of weeks to follow: each week’s sessions are placed around your runs, and the doses climb as you go.'),
      catalog.programs.length ? list : h('p', {}, 'No programs yet.'));
    return { title: 'Programs', node };
  }

  steady.views.programList = programList;
  steady.labels.programs = { programShape };
})(globalThis.steady);
