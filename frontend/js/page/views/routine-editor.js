// The runner's own routines: build one from catalogue exercises (/routines/new), change or
// delete it (/routines/<id>/edit). Play it from the routine list.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  const { exerciseName } = steady.labels.training;
  const { field, numberInput, numberOf, exercisePicker } = steady.components.formFields;

  const TARGET_KINDS = { reps: 'Reps', seconds: 'Seconds', station: 'Work time' };
  let counter = 0;

  function numberField(id, label, value, hint, attrs = {}) {
    return field(label, numberInput(id, value, { min: 0, ...attrs }), hint);
  }

  /** The target an item starts with: its own, else the exercise's usual dose. */
  function itemTarget(item, exercise) {
    if (item.reps) return { kind: 'reps', value: item.reps };
    if (item.work_seconds || item.hold_seconds) return { kind: 'seconds', value: item.work_seconds || item.hold_seconds };
    if (item.fromCatalogue && exercise) {
      const p = exercise.prescription;
      if (p.reps) return { kind: 'reps', value: p.reps };
      return { kind: 'seconds', value: p.hold_seconds || p.work_seconds };
    }
    return { kind: 'station', value: null };
  }

  function itemRow(slug, target, catalog) {
    counter += 1;
    const id = `routine-item-${counter}`;
    const name = exerciseName(slug, catalog);
    const exercise = catalog.exercise.get(slug);
    const kind = h('select', { id: `${id}-kind`, 'aria-label': `${name}: target` },
      Object.entries(TARGET_KINDS).map(([key, text]) => h('option', { value: key, selected: key === target.kind }, text)));
    const value = numberInput(`${id}-value`, target.value, { min: 1, 'aria-label': `${name}: amount`, hidden: target.kind === 'station' });
    kind.addEventListener('change', () => { value.hidden = kind.value === 'station'; });
    const row = h('li', { class: 'editor-item', 'data-exercise': slug, 'data-error-slot': '' });
    const move = (direction) => {
      const sibling = direction < 0 ? row.previousElementSibling : row.nextElementSibling;
      if (!sibling) return;
      if (direction < 0) sibling.before(row);
      else sibling.after(row);
      row.querySelector(direction < 0 ? '[data-move="up"]' : '[data-move="down"]').focus();
      announce(`${name} moved ${direction < 0 ? 'up' : 'down'}.`);
    };
    row.append(
      h('div', { class: 'editor-item-head' },
        h('span', { class: 'card-title' }, name),
        exercise && exercise.unilateral ? h('span', { class: 'card-meta' }, 'each side') : null),
      h('div', { class: 'editor-item-controls' },
        kind, value,
        h('button', { type: 'button', class: 'icon-button', 'data-move': 'up', 'aria-label': `Move ${name} up`, onclick: () => move(-1) }, '↑'),
        h('button', { type: 'button', class: 'icon-button', 'data-move': 'down', 'aria-label': `Move ${name} down`, onclick: () => move(1) }, '↓'),
        h('button', {
          type: 'button', class: 'icon-button', 'aria-label': `Remove ${name}`,
          onclick: () => { row.remove(); announce(`${name} removed.`); },
        }, '✕')),
      h('div', { class: 'row-errors' }));
    return row;
  }

  async function fill(heading, body, { catalog, params, navigate }) {
    const existing = params.id ? await steady.customRoutines.getRoutine(params.id) : null;
    if (params.id && !existing) {
      heading.textContent = 'Routine not found';
      body.replaceChildren(h('p', {}, 'This routine is not on this device. It may have been deleted.'), h('p', {}, h('a', { href: '/routines' }, 'All routines')));
      return;
    }
    const draft = existing || { name: '', format: 'circuit', rounds: 2, work_seconds: 40, rest_seconds: 20, round_rest_seconds: 60, items: [] };
    const formError = h('div', { class: 'form-error', role: 'alert', hidden: true });
    const name = h('input', { id: 'routine-name', type: 'text', value: draft.name, autocomplete: 'off', maxlength: 120 });
    const formats = ['circuit', 'sets'].map((value) => h('label', { class: 'choice', for: `routine-format-${value}` },
      h('input', { type: 'radio', name: 'format', id: `routine-format-${value}`, value, checked: draft.format === value }),
      value === 'circuit' ? 'Circuit: every exercise once, then round again' : 'Sets: all sets of one exercise, then the next'));
    const rounds = numberField('routine-rounds', 'Rounds or sets', draft.rounds, null, { min: 1, max: 10 });
    const work = numberField('routine-work', 'Work time (seconds)', draft.work_seconds,
      'For exercises set to “Work time”. A per-side exercise splits it between the sides.');
    const rest = numberField('routine-rest', 'Rest between exercises (seconds)', draft.rest_seconds);
    const roundRest = numberField('routine-round-rest', 'Rest between rounds (seconds)', draft.round_rest_seconds, 'Circuits only.');
    const items = h('ol', { class: 'editor-items' },
      draft.items.map((item) => itemRow(item.exercise, itemTarget(item, catalog.exercise.get(item.exercise)), catalog)));
    const picker = exercisePicker({
      id: 'routine-add-exercise',
      catalog,
      onPick: (slug) => items.append(itemRow(slug, itemTarget({ fromCatalogue: true }, catalog.exercise.get(slug)), catalog)),
    });

    function collect() {
      const where = {
        name, format: formats[0].querySelector('input'), rounds: rounds.querySelector('input'), work_seconds: work.querySelector('input'),
        rest_seconds: rest.querySelector('input'), round_rest_seconds: roundRest.querySelector('input'), items: picker.select,
      };
      const record = {
        ...(existing || {}),
        name: name.value,
        format: (form.querySelector('input[name="format"]:checked') || {}).value || null,
        rounds: numberOf(where.rounds),
        work_seconds: numberOf(where.work_seconds),
        rest_seconds: numberOf(where.rest_seconds) ?? 0,
        round_rest_seconds: numberOf(where.round_rest_seconds) ?? 0,
        items: [...items.children].map((row, i) => {
          const [kind, value] = row.querySelectorAll('select, input');
          where[`items.${i}.target`] = kind.value === 'station' ? kind : value;
          const amount = kind.value === 'station' ? null : numberOf(value);
          return {
            exercise: row.dataset.exercise, reps: kind.value === 'reps' ? amount : null, reps_min: null,
            hold_seconds: null, work_seconds: kind.value === 'seconds' ? amount : null,
          };
        }),
      };
      return { record, where };
    }

    const form = h('form', { class: 'routine-form', novalidate: true, 'data-draft': true },
      formError,
      field('Name', name),
      h('fieldset', { class: 'choices' }, h('legend', {}, 'Format'), formats),
      h('div', { class: 'field-row' }, rounds, work),
      h('div', { class: 'field-row' }, rest, roundRest),
      h('section', { class: 'form-section', 'aria-labelledby': 'routine-exercises' },
        h('h2', { id: 'routine-exercises' }, 'Exercises, in order'),
        items,
        picker.node),
      h('button', { type: 'submit', class: 'button button-wide' }, existing ? 'Save changes' : 'Save routine'));

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const { record, where } = collect();
      try {
        const saved = await steady.customRoutines.saveRoutine(record);
        navigate('/routines');
        announce(`${saved.name} saved. Find it under Your routines.`);
      } catch (error) {
        const errors = error instanceof steady.customRoutines.RoutineInvalid ? error.errors : [{ field: 'record', message: error.message }];
        steady.components.fieldErrors.showFieldErrors(form, errors, where, { formError });
      }
    });

    const fieldNames = { name: 'Name', format: 'Format', rounds: 'Rounds or sets', work_seconds: 'Work time', rest_seconds: 'Rest between exercises', round_rest_seconds: 'Rest between rounds', items: 'Exercises' };
    body.replaceChildren(...[
      existing ? steady.components.syncNotes('routine', existing, {
        save: (key, value) => steady.customRoutines.saveRoutine({ ...existing, [key]: value }),
        label: (key) => fieldNames[key] || key, done: () => navigate(location.pathname, { replace: true }),
      }) : null,
      h('p', { class: 'lead' }, 'Pick exercises from the catalogue and set how much of each. It plays like any routine, offline too.'),
      form,
      existing ? h('div', { class: 'actions' },
        h('a', { class: 'button button-quiet', href: `/routines/${existing.id}/play` }, 'Start this routine'),
        steady.components.inlineConfirm({
          label: 'Delete routine',
          question: `Delete “${existing.name}”? Sessions you logged with it are kept.`,
          confirmLabel: 'Delete routine',
          onConfirm: async () => {
            await steady.customRoutines.deleteRoutine(existing.id);
            navigate('/routines');
            announce(`${existing.name} deleted.`);
          },
        })) : null].filter(Boolean));
  }

  /** The routine editor: new when the URL has no id, else that routine. */
  function routineEditor(context) {
    const title = context.params.id ? 'Edit routine' : 'New routine';
    return steady.components.devicePage(context, { title, className: 'routine-editor', failure: 'Could not open the editor', fill });
  }

  steady.views.routineEditor = routineEditor;
})(globalThis.steady);
