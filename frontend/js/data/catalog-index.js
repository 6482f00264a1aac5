// The catalogue as the views use it: the payload indexed by slug.
(function (steady) {
  'use strict';

  /** Index a catalogue payload by slug for quick lookups. */
  function indexCatalog(payload) {
    return {
      version: payload.version,
      exercises: payload.exercises,
      routines: payload.routines,
      sources: payload.sources || [],
      programs: payload.programs || [],
      exercise: new Map(payload.exercises.map((e) => [e.slug, e])),
      routine: new Map(payload.routines.map((r) => [r.slug, r])),
      source: new Map((payload.sources || []).map((s) => [s.key, s])),
      program: new Map((payload.programs || []).map((p) => [p.slug, p])),
    };
  }

  steady.catalogIndex = { indexCatalog };
})(globalThis.steady);
