// "Your level" on an exercise card: what the runner's level prescribes, what the progression rule
// says of their log, and the step up (or the easier version after a pain stop) to accept or
// decline. Everything is read from and written to this device, so it works offline.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;

  /** "30 s per side", "12 reps": a ladder's dose at `target`. */
  function doseText(exercise, target) {
    const amount = exercise.ladder.dose === 'reps' ? `${target} reps` : `${target} s`;
    return exercise.unilateral ? `${amount} per side` : amount;
  }

  /** "On a foam pad, eyes open · 30 s per side": a place on the ladder ({rung, dose}). */
  function placeText(exercise, place) {
    return `${exercise.ladder.rungs[place.rung].label} · ${doseText(exercise, place.dose)}`;
  }

  function offerFor(found) {
    if (found.ready && found.next) {
      return { place: found.next, lead: 'Step up to', decline: 'Not yet', after: 'Steady asks again after 2 more sessions that earn it.' };
    }
    if (found.reason === 'stop' && found.easier) {
      return { place: found.easier, lead: 'Easier version:', decline: 'Not now', after: 'If it hurts again, take the easier version or rest.' };
    }
    return null;
  }

  /** The card's "Your level" section for `exercise`, filled once its level and log are read; null with no ladder. */
  const FIELD_NAMES = { rung: 'Step on the ladder', dose: 'Dose' };

  function levelPanel(exercise) {
    if (!exercise.ladder) return null;
    const body = h('div', { class: 'level-body' }, h('p', { class: 'hint' }, 'Reading your log…'));
    const feedback = h('p', { class: 'level-feedback', role: 'status', tabindex: '-1' });
    const node = h('section', { class: 'card-section level-panel', 'aria-labelledby': 'card-level' },
      h('h2', { id: 'card-level' }, 'Your level'), body, feedback);

    async function act(place, said) {
      try {
        await steady.levels.setLevel({ exercise: exercise.slug, rung: place.rung, dose: place.dose });
      } catch (error) {
        feedback.setAttribute('role', 'alert');
        feedback.textContent = `Your level could not be saved: ${error.message}`;
        return;
      }
      feedback.setAttribute('role', 'status');
      feedback.textContent = said;
      await draw();
      feedback.focus({ preventScroll: true }); // the buttons just pressed are gone
      announce(said);
    }

    function offerNode(found, offer) {
      const keep = found.level;
      const accept = h('button', { type: 'button', class: 'button' }, 'Accept');
      const decline = h('button', { type: 'button', class: 'button button-quiet' }, offer.decline);
      accept.addEventListener('click', () => act(offer.place,
        `Level saved — your next session prescribes ${placeText(exercise, offer.place)}.`));
      decline.addEventListener('click', () => act(keep,
        `Staying at ${placeText(exercise, keep)}. ${offer.after}`));
      return h('div', { class: 'level-offer', role: 'group', 'aria-label': `${offer.lead} ${placeText(exercise, offer.place)}` },
        h('p', {}, `${offer.lead} `, h('strong', {}, placeText(exercise, offer.place))),
        h('div', { class: 'button-row' }, accept, decline));
    }

    async function draw() {
      const [found, level] = await Promise.all([steady.levels.standing(exercise), steady.levels.getLevel(exercise.slug)]);
      const offer = offerFor(found);
      node.dataset.reason = found.reason;
      body.replaceChildren(...[
        level ? steady.components.syncNotes('level', { ...level, id: exercise.slug }, {
          save: (field, value) => steady.levels.setLevel({ ...level, [field]: value }), label: (field) => FIELD_NAMES[field] || field,
          what: 'Your level: ', done: () => draw(),
        }) : null,
        h('p', { class: 'level-now' }, h('strong', {}, found.prescription.label), h('span', { class: 'visually-hidden' }, ': '),
          h('span', { class: 'level-dose' }, doseText(exercise, found.prescription.target))),
        level ? null : h('p', { class: 'hint' }, 'Where everyone starts: the first step of this exercise, at the card’s dose.'),
        h('p', { class: 'level-message' }, found.message),
        offer ? offerNode(found, offer) : null,
      ].filter(Boolean));
    }

    draw().catch((error) => body.replaceChildren(h('p', { role: 'alert' }, `Your level could not be read: ${error.message}`)));
    return node;
  }

  steady.components.levelPanel = { levelPanel, doseText, placeText };
})(globalThis.steady);
