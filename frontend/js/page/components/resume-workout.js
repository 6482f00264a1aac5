// A way back into a workout left mid-routine (it is kept on the device until saved or discarded):
// on Home, and on an exercise's card, which the player's exercise name opens.
(function (steady) {
  'use strict';
  const { h } = steady.dom;

  /** A slot that fills with "Workout in progress … Resume" when a workout is waiting, else stays empty. */
  function resumeWorkout() {
    const slot = h('div', { class: 'resume-slot' });
    steady.workoutStore.readWorkout().then((workout) => {
      if (!workout) return;
      slot.replaceChildren(h('section', { class: 'resume', 'aria-labelledby': 'resume-workout' },
        h('h2', { id: 'resume-workout' }, 'Workout in progress'),
        h('p', {}, `${workout.routine_name} is waiting where you left it.`),
        h('a', { class: 'button', href: `/routines/${encodeURIComponent(workout.ref)}/play` }, `Resume ${workout.routine_name}`)));
    }).catch(() => undefined);
    return slot;
  }

  steady.components.resumeWorkout = resumeWorkout;
})(globalThis.steady);
