// "You'll need: …" for a routine, with what to use instead of each piece, on the routine's page
// and the player's intro, so a runner knows before starting whether they can do it here.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const { routineKit } = steady.labels.routines;
  const { exerciseName } = steady.labels.training;

  /** The routine's kit and its substitutes, or a line saying it needs none. */
  function kitNeeded(routine, catalog) {
    const kit = routineKit(routine, catalog);
    if (!kit.length) return h('p', { class: 'kit-needed' }, h('strong', {}, 'You\'ll need: '), 'no kit, just some floor space.');
    return h('section', { class: 'kit-needed', 'aria-label': 'Kit' },
      h('p', {}, h('strong', {}, 'You\'ll need: '), kit.map((k) => k.name.toLowerCase()).join(', '), '.'),
      h('ul', { class: 'kit-substitutes' }, kit.filter((k) => k.substitutes.length).map((k) => h('li', {},
        `No ${k.name.toLowerCase()}? `,
        k.substitutes.length === 1 ? k.substitutes[0].text
          : h('ul', {}, k.substitutes.map((s) => h('li', {}, h('span', { class: 'kit-for' }, `${exerciseName(s.exercise, catalog)}: `), s.text)))))));
  }

  steady.components.kitNeeded = kitNeeded;
})(globalThis.steady);
