// One routine: its format, how often, and each exercise with its target.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const { TAGS } = steady.labels.catalog;
  const { itemTarget, routineFormat, perWeek, routineMinutes } = steady.labels.routines;

  /** The routine's article; `device` adds Start and saving for offline, which need it in this device's catalogue. */
  function routineArticle(routine, catalog, { device }) {
    const often = perWeek(routine.sessions_per_week);
    const rest = routine.round_rest_seconds && routine.format === 'circuit'
      ? `Rest ${routine.round_rest_seconds} s between rounds.` : '';

    return h('article', { class: 'page routine' },
      h('header', {},
        h('p', { class: 'eyebrow' }, routine.tags.map((t) => TAGS[t]).join(' · ')),
        h('h1', {}, routine.name),
        h('p', { class: 'dose' }, `About ${routineMinutes(routine, catalog)} min · ${routineFormat(routine)}`),
        h('p', { class: 'lead' }, routine.summary),
        steady.components.catalogueNotes.retiredNote(routine),
        often || rest ? h('p', {}, [often ? `Aim for ${often}.` : '', rest].filter(Boolean).join(' ')) : null,
        steady.components.kitNeeded(routine, catalog),
        device ? [
          h('p', { class: 'start-row' }, h('a', { class: 'button button-big', href: `/routines/${routine.slug}/play` }, 'Start')),
          steady.components.saveOffline.saveOfflineControl({
            key: `routine:${routine.slug}`, kind: 'routine', slug: routine.slug, title: routine.name,
            urls: steady.components.saveOffline.clipUrls(routine.items.map((item) => catalog.exercise.get(item.exercise))),
          })] : null),
      h('section', { 'aria-labelledby': 'routine-items' },
        h('h2', { id: 'routine-items' }, routine.format === 'circuit' ? `Each round, in order` : 'Exercises'),
        h('ol', { class: 'card-list routine-items' }, routine.items.map((item) => {
          const exercise = catalog.exercise.get(item.exercise);
          return h('li', {},
            h('a', { class: 'card', href: `/exercises/${item.exercise}` },
              h('span', { class: 'card-title' }, exercise ? exercise.name : item.exercise),
              h('span', { class: 'card-meta' }, itemTarget(item, routine, exercise)),
              item.note ? h('span', { class: 'card-text' }, item.note) : null));
        }))));
  }

  function routineDetail({ catalog, params }) {
    const routine = catalog.routine.get(params.slug);
    if (!routine) return steady.views.notFound();
    return { title: routine.name, node: routineArticle(routine, catalog, { device: true }) };
  }

  /** A routine that is not in the catalogue yet (a studio draft), as a runner will see it. */
  function routinePreview(routine, catalog) {
    return routineArticle(routine, catalog, { device: false });
  }

  steady.views.routineDetail = routineDetail;
  steady.views.routinePreview = routinePreview;
})(globalThis.steady);
