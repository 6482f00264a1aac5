// The finish screen: the session as the player recorded it, ready to correct and save.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  const engine = steady.playerEngine;
  const { isoInstant, localDate } = steady.localTime;

  /** The session record the player's results describe, before the runner adds effort, pain and notes. */
  function draftFromWorkout(state) {
    return {
      id: state.id,
      started_at: isoInstant(state.started_ms),
      ended_at: isoInstant(Math.max(state.finished_ms, state.started_ms)),
      time_zone: state.time_zone,
      local_date: localDate(state.started_ms, state.time_zone),
      routine: state.ref,
      entries: engine.entries(state),
      effort: null,
      pain: 'none',
      notes: '',
    };
  }

  /** The exercises of a saved session whose progression is now ready to step up, in the order first done. */
  async function levelsReached(session, catalog) {
    const slugs = [...new Set(session.entries.map((e) => e.exercise))];
    const found = await Promise.all(slugs.map((slug) => steady.levels.standing(catalog.exercise.get(slug))));
    return slugs.filter((slug, i) => found[i] && found[i].ready);
  }

  /** What replaces the form once the session is saved and levels were reached: where to step up, and the session. */
  function savedNode(session, reached, catalog) {
    return h('section', { class: 'level-reached', 'aria-labelledby': 'finish-saved' },
      h('h2', { id: 'finish-saved', tabindex: '-1' }, 'Session saved'),
      h('ul', {}, reached.map((slug) => {
        const name = steady.labels.training.exerciseName(slug, catalog);
        return h('li', {}, `Level reached: you can step up ${name} — `, h('a', { href: `/exercises/${slug}` }, 'see its card'));
      })),
      h('p', {}, h('a', { class: 'button button-quiet', href: `/history/${session.id}` }, 'See this session')));
  }

  /** The finish screen's content for a finished workout: a summary, how it went and Save in the
   * first screen, the sets folded below; back to the workout or discard until it is saved. */
  function finishScreen({ state, catalog, settings, navigate, onBack, onDiscard }) {
    const draft = draftFromWorkout(state);
    const minutes = Math.max(1, Math.round((state.finished_ms - state.started_ms) / 60000));
    const sets = `${draft.entries.length} set${draft.entries.length === 1 ? '' : 's'}`;
    const lead = h('p', { class: 'lead finish-summary' }, `About ${minutes} min · ${sets} done.`);
    const back = h('button', { type: 'button', class: 'button button-quiet button-compact', onclick: onBack }, 'Back to the workout');
    const discard = steady.components.inlineConfirm({
      label: 'Discard this session',
      question: 'Discard this session? Nothing from it will be logged.',
      confirmLabel: 'Discard',
      onConfirm: onDiscard,
    });
    // Looked up by name: the session form comes with the log bundle, which the player loads before this screen.
    const form = steady.components['sessionForm'].sessionForm({
      draft, catalog, settings, mode: 'finish', submitLabel: 'Save session',
      onSave: async (record) => {
        const saved = await steady.sessions.saveSession(record);
        await steady.workoutStore.clearWorkout();
        // The session is stored: a log that cannot be read now only means no level note.
        const reached = await levelsReached(saved, catalog).catch(() => []);
        if (!reached.length) {
          navigate(`/history/${saved.id}`);
          announce('Session saved to your history.');
          return;
        }
        const node = savedNode(saved, reached, catalog);
        discard.remove();
        back.remove();
        lead.textContent = `About ${minutes} min · ${sets} saved to your history.`;
        form.node.replaceWith(node);
        node.querySelector('h2').focus();
        announce(`Session saved. Level reached on ${reached.length === 1 ? '1 exercise' : reached.length + ' exercises'}.`);
      },
    });
    return [
      h('header', { class: 'player-head finish-head' },
        h('p', { class: 'eyebrow' }, 'Session complete'),
        h('h1', {}, state.routine_name),
        lead,
        back),
      form.node,
      discard,
    ];
  }

  steady.playerFinish = { draftFromWorkout, finishScreen };
})(globalThis.steady);
