// The studio's routine page (/coach/routines/<slug>, /coach/routines/new): format, rounds, work and
// rest, the items with their targets, and a preview drawn by the runner's own routine page code.
(function (steady) {
  'use strict';
  const { indexCatalog } = steady.catalogIndex;

  function preview(catalog, names) {
    return (body) => {
      // An exercise not yet in the runner's catalogue (a coach's draft) is named as the studio knows it.
      const known = new Set(catalog.exercises.map((e) => e.slug));
      const missing = body.items.filter((i) => i.exercise && !known.has(i.exercise))
        .map((i) => ({ slug: i.exercise, name: names[i.exercise] || i.exercise, unilateral: false, equipment: [], prescription: {} }));
      const routines = [...catalog.routines.filter((r) => r.slug !== body.slug), body];
      const previewed = indexCatalog({ version: catalog.version, exercises: [...catalog.exercises, ...missing], routines, sources: catalog.sources });
      return steady.views.routinePreview(body, previewed);
    };
  }

  /** The routine page; no slug: a new routine. */
  function studioRoutine(context) {
    const { slug } = context.params;
    let names = {};
    return steady.components.studioItemPage(context, {
      kind: 'routine', slug, newTitle: 'New routine',
      makeForm: (card, options) => {
        names = options.exercises;
        return steady.coachForms.routineForm(card, options);
      },
      preview: (body) => preview(context.catalog, names)(body),
      extra: () => null,
    });
  }

  steady.views.studioRoutine = studioRoutine;
})(globalThis.steady);
