// The one note for runners coming back from injury, linked from every card's stop block and from
// Settings. In a screen bundle ("guide"): it is read now and then, so it stays out of the precached shell.
(function (steady) {
  'use strict';
  const { h } = steady.dom;

  /** How to use Steady while coming back from an injury, and when to stop and ask. */
  function comingBack() {
    const node = h('article', { class: 'page coming-back' },
      h('h1', {}, 'Coming back from injury'),
      h('p', { class: 'lead' }, 'Steady is training, not treatment. If someone is treating your injury, follow their plan and ask them which of these exercises suit your stage.'),
      h('h2', {}, 'Build up slowly'),
      h('ul', {},
        h('li', {}, 'Start with the easier version on each card and the lower number of reps or seconds.'),
        h('li', {}, 'Add more only when a session leaves you no worse the next day.'),
        h('li', {}, 'Work one leg at a time: single-leg exercises show and train a weaker side. Settings can start each per-side exercise on it.'),
        h('li', {}, 'Leave foam pads, wobble boards and hops until balance on the floor feels steady.')),
      h('h2', {}, 'Stop and ask for advice'),
      h('p', {}, 'Stop the exercise if you feel sharp pain, pain in a joint, dizziness, or a joint giving way. Ask a physiotherapist or doctor before going on if pain builds during a session, is worse the next day, or comes with swelling.'),
      h('p', {}, 'Logging how much it hurt after each session shows you the trend over the weeks.'),
      h('p', {}, h('a', { href: '/exercises' }, 'Back to the exercises')));
    return { title: 'Coming back from injury', node };
  }

  steady.views.comingBack = comingBack;
})(globalThis.steady);
