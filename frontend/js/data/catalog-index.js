// The catalogue as the views use it: the payload indexed by slug. Lists hold what the catalogue
// offers now; the maps also resolve retired items, which history, progress, a runner's own
// routines and enrolments still name.
(function (steady) {
  'use strict';

  /** Index a catalogue payload by slug for quick lookups. */
  function indexCatalog(payload) {
    const listed = (item) => !item.retired;
    return {
      version: payload.version,
      exercises: payload.exercises.filter(listed),
      routines: payload.routines.filter(listed),
      everyExercise: payload.exercises,
      sources: payload.sources || [],
      programs: (payload.programs || []).filter(listed),
      exercise: new Map(payload.exercises.map((e) => [e.slug, e])),
      routine: new Map(payload.routines.map((r) => [r.slug, r])),
      source: new Map((payload.sources || []).map((s) => [s.key, s])),
      program: new Map((payload.programs || []).map((p) => [p.slug, p])),
    };
  }

  steady.catalogIndex = { indexCatalog };
})(globalThis.steady);
