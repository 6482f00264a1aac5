// The studio's exercise page (/coach/exercises/<slug>, /coach/exercises/new): every field of the
// card and its ladder, a preview drawn by the runner's own card code, and the demonstration clip.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const { indexCatalog } = steady.catalogIndex;

  /** The catalogue as it would be with `exercise` published: the runner's views read it. */
  function withExercise(catalog, exercise) {
    const others = catalog.exercises.filter((e) => e.slug !== exercise.slug);
    return indexCatalog({ version: catalog.version, exercises: [...others, exercise], routines: catalog.routines, sources: catalog.sources });
  }

  /** The ladder as a runner meets it, rung by rung (their level panel reads their own log, so it is not drawn here). */
  function ladderPreview(exercise) {
    const { ladder } = exercise;
    if (!ladder) return null;
    const unit = ladder.dose === 'reps' ? 'reps' : 's';
    return h('section', { class: 'card-section', 'aria-labelledby': 'preview-ladder' },
      h('h2', { id: 'preview-ladder' }, 'Progression'),
      h('p', {}, `From ${ladder.low} to ${ladder.high} ${unit}${exercise.unilateral ? ' per side' : ''}, ${ladder.step} at a time, then the next rung:`),
      h('ol', {}, ladder.rungs.map((rung) => h('li', {}, rung.label))));
  }

  function preview(catalog) {
    return (body, item) => {
      const live = item && (item.live || item.built_in_version);
      const exercise = { ...body, video: live ? live.video : null };
      const article = steady.views.exercisePreview(exercise, withExercise(catalog, exercise));
      const ladder = ladderPreview(exercise);
      if (ladder) article.querySelector('.stop').after(ladder);
      return article;
    };
  }

  /** The exercise page; no slug: a new exercise. */
  function studioExercise(context) {
    const { slug } = context.params;
    return steady.components.studioItemPage(context, {
      kind: 'exercise', slug, newTitle: 'New exercise',
      makeForm: steady.coachForms.exerciseForm,
      preview: preview(context.catalog),
      extra: (item, changed) => steady.components.clipPanel(item, changed),
    });
  }

  steady.views.studioExercise = studioExercise;
})(globalThis.steady);
