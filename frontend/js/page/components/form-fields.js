// The pieces every Steady form is built from: labelled fields, number inputs and how they are
// read, choice lists, the exercise picker, and loads shown and typed in the runner's units.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;

  const LB_PER_KG = 2.20462;

  /** A control with its label and, optionally, a hint the control is described by. */
  function field(label, control, hint) {
    const hintId = hint ? `${control.id}-hint` : null;
    if (hintId) control.setAttribute('aria-describedby', hintId);
    return h('div', { class: 'field' }, h('label', { for: control.id }, label), hint ? h('p', { class: 'hint', id: hintId }, hint) : null, control);
  }

  /** A number input showing `value` (empty for null). */
  function numberInput(id, value, attrs = {}) {
    return h('input', { id, type: 'number', inputmode: 'numeric', value: value === null || value === undefined ? '' : value, ...attrs });
  }

  /** A number input's value: null when empty, NaN when the browser could not read it. */
  function numberOf(input) {
    if (input.validity && input.validity.badInput) return NaN;
    const raw = input.value.trim();
    return raw === '' ? null : Number(raw);
  }

  /** <option>s for a {value: text} table, `value` selected, with an optional blank first. */
  function options(labels, value, { blank } = {}) {
    return [
      blank ? h('option', { value: '', selected: !value }, blank) : null,
      ...Object.entries(labels).map(([key, text]) => h('option', { value: key, selected: key === value }, text)),
    ];
  }

  /** "Add an exercise": a catalogue select and an Add button that hands the chosen slug to onPick(). */
  function exercisePicker({ id, catalog, onPick }) {
    const select = h('select', { id },
      h('option', { value: '' }, 'Choose an exercise…'),
      [...catalog.exercises].sort((a, b) => a.name.localeCompare(b.name)).map((e) => h('option', { value: e.slug }, e.name)));
    const node = h('div', { class: 'add-row' },
      field('Add an exercise', select),
      h('button', {
        type: 'button', class: 'button',
        onclick: () => {
          const slug = select.value;
          if (!slug) { select.focus(); return; }
          const exercise = catalog.exercise.get(slug);
          select.value = '';
          announce(`${exercise ? exercise.name : slug} added.`);
          onPick(slug);
        },
      }, 'Add'));
    return { node, select };
  }

  /** Kilograms in the runner's units, to `decimals` places (records always hold kilograms). */
  function loadInUnits(kg, units, decimals = 1) {
    if (units !== 'lb') return kg;
    const scale = 10 ** decimals;
    return Math.round(kg * LB_PER_KG * scale) / scale;
  }

  /** A load typed in the runner's units, as kilograms (to the gram, near enough). */
  function kgFromUnits(value, units) {
    return units === 'lb' ? Math.round((value / LB_PER_KG) * 100) / 100 : value;
  }

  /** A load input in the runner's units; read it back with loadOf(). */
  function loadInput(id, kg, units) {
    const shown = kg === null || kg === undefined ? '' : loadInUnits(kg, units);
    const input = numberInput(id, shown, { min: 0, step: 'any', inputmode: 'decimal' });
    // Unchanged, a load keeps its stored kilograms exactly, with no round trip through pounds.
    input.dataset.kg = kg === null || kg === undefined ? '' : String(kg);
    input.dataset.shown = String(shown);
    return input;
  }

  /** The kilograms a loadInput() holds: null when empty, NaN when unreadable. */
  function loadOf(input, units) {
    if (input.value === input.dataset.shown) return input.dataset.kg === '' ? null : Number(input.dataset.kg);
    const value = numberOf(input);
    return typeof value === 'number' && !Number.isNaN(value) ? kgFromUnits(value, units) : value;
  }

  steady.components.formFields = { field, numberInput, numberOf, options, exercisePicker, loadInUnits, kgFromUnits, loadInput, loadOf };
})(globalThis.steady);
