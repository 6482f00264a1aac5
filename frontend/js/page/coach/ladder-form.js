// An exercise's progression ladder (content/ladders/<slug>.toml): the dose climbs from low to high
// in steps, then the runner moves to the next rung, a harder condition. Optional: none is null.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const { field } = steady.components.formFields;
  const { listEditor, selectOf, numberControl, numberOf } = steady.coachForms;

  const DOSES = { reps: 'Reps', seconds: 'Seconds' };
  const SURFACES = { floor: 'Floor', towel: 'Folded towel', foam_pad: 'Foam pad', wobble_board: 'Wobble board' };
  const EYES = { open: 'Eyes open', closed: 'Eyes closed' };
  const FOOTWEAR = { shoes: 'In shoes', barefoot: 'Barefoot' };

  function rungRow(value, id) {
    const label = h('input', { id: `${id}-label`, type: 'text', value: value.label || '', maxlength: 80, 'data-part': 'label', placeholder: 'Label, e.g. On a foam pad' });
    const surface = selectOf(`${id}-surface`, SURFACES, value.surface, { blank: 'Any surface', part: 'surface' });
    const eyes = selectOf(`${id}-eyes`, EYES, value.eyes, { blank: 'Eyes: any', part: 'eyes' });
    const footwear = selectOf(`${id}-footwear`, FOOTWEAR, value.footwear, { blank: 'Footwear: any', part: 'footwear' });
    const load = numberControl(`${id}-load`, value.load_kg, { step: 'any', inputmode: 'decimal', 'data-part': 'load in kg', placeholder: 'Load kg' });
    return {
      controls: { '': label, label, surface, eyes, footwear, load_kg: load },
      node: [label, h('div', { class: 'studio-row-pair' }, surface, eyes), h('div', { class: 'studio-row-pair' }, footwear, load)],
      read: () => ({ label: label.value, surface: surface.value || null, eyes: eyes.value || null, footwear: footwear.value || null, load_kg: numberOf(load) }),
    };
  }

  /** The ladder's fields for `ladder` (null: none yet); read() gives the ladder, or null when "has a ladder" is off. */
  function ladderForm(ladder) {
    const l = ladder || { dose: 'reps', low: 8, high: 12, step: 2, rungs: [{ label: '' }] };
    const has = h('input', { id: 'ladder-on', type: 'checkbox', checked: Boolean(ladder) });
    const dose = selectOf('ladder-dose', DOSES, l.dose);
    const low = numberControl('ladder-low', l.low, { min: 1 });
    const high = numberControl('ladder-high', l.high, { min: 1 });
    const step = numberControl('ladder-step', l.step, { min: 1 });
    const rungs = listEditor({ id: 'ladder-rungs', noun: 'Rung', values: l.rungs, makeRow: rungRow, blank: () => ({ label: '' }), addLabel: 'Add a rung' });
    const body = h('div', { class: 'studio-ladder' },
      h('p', { class: 'hint' }, 'The dose climbs from the lowest to the highest in steps; at the top the runner is offered the next rung.'),
      h('div', { class: 'field-row' }, field('Climbs in', dose), field('Step', step)),
      h('div', { class: 'field-row' }, field('Lowest', low), field('Highest', high)),
      h('h3', {}, 'Rungs, easiest first'),
      rungs.node);
    const show = () => { body.hidden = !has.checked; };
    has.addEventListener('change', show);
    show();
    const node = h('div', {}, h('label', { class: 'choice', for: has.id }, has, 'This exercise has a progression ladder'), body);
    const read = () => (has.checked ? { dose: dose.value, low: numberOf(low), high: numberOf(high), step: numberOf(step), rungs: rungs.read() } : null);
    const where = (prefix) => ({ [prefix]: has.checked ? dose : has, [`${prefix}.dose`]: dose, [`${prefix}.low`]: low, [`${prefix}.high`]: high, [`${prefix}.step`]: step, ...rungs.where(`${prefix}.rungs`) });
    return { node, read, where };
  }

  steady.coachForms.ladderForm = ladderForm;
})(globalThis.steady);
