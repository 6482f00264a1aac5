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

  /** The finish screen's content for a finished workout. */
  function finishScreen({ state, catalog, settings, navigate, onDiscard }) {
    const draft = draftFromWorkout(state);
    const minutes = Math.max(1, Math.round((state.finished_ms - state.started_ms) / 60000));
    const form = steady.components.sessionForm.sessionForm({
      draft, catalog, settings, mode: 'finish', submitLabel: 'Save session',
      onSave: async (record) => {
        const saved = await steady.sessions.saveSession(record);
        await steady.workoutStore.clearWorkout();
        navigate(`/history/${saved.id}`);
        announce('Session saved to your history.');
      },
    });
    return [
      h('header', { class: 'player-head' },
        h('p', { class: 'eyebrow' }, 'Session complete'),
        h('h1', {}, state.routine_name),
        h('p', { class: 'lead' }, `Well done: about ${minutes} min, ${draft.entries.length} set${draft.entries.length === 1 ? '' : 's'} recorded. Check the numbers, add how it went, and save.`)),
      form.node,
      steady.components.inlineConfirm({
        label: 'Discard this session',
        question: 'Discard this session? Nothing from it will be logged.',
        confirmLabel: 'Discard',
        onConfirm: onDiscard,
      }),
    ];
  }

  steady.playerFinish = { draftFromWorkout, finishScreen };
})(globalThis.steady);
