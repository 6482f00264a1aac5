// The session form, shared by the player's finish screen, the quick log and editing a session.
// The DOM is the form's state: collect() reads it into a session record, and maps every
// record field ("entries.3.reps") back to the control that holds it, for error messages.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  const L = steady.labels.training;
  const { field, numberInput, numberOf, options, exercisePicker, loadInUnits, loadInput, loadOf } = steady.components.formFields;

  let counter = 0;
  const uniqueId = (prefix) => `${prefix}-${(counter += 1)}`;

  /** Group entries of the same exercise done in the same conditions, in the order first done. */
  function groupEntries(entries) {
    const groups = new Map();
    for (const entry of entries) {
      const key = JSON.stringify([entry.exercise, entry.load_kg, entry.surface, entry.eyes, entry.footwear]);
      if (!groups.has(key)) groups.set(key, { exercise: entry.exercise, conditions: entry, bouts: [] });
      groups.get(key).bouts.push(entry);
    }
    return [...groups.values()];
  }

  /** Default bouts for an exercise added by hand: its usual dose, on each side it is done on. */
  function defaultBouts(exercise, target) {
    const dose = target || (exercise && exercise.prescription) || {};
    const seconds = dose.hold_seconds || dose.work_seconds || null;
    const reps = dose.reps || null;
    return steady.rules.timeline.sidesOf(exercise).map((side) => ({ side, reps, seconds }));
  }

  /** Build a session form. mode: 'finish' (from the player) or 'manual' (quick log and edit); `levels`
   * (slug → level record) prefills an exercise picked by hand at the runner's level. */
  function sessionForm({ draft, catalog, settings, mode, routineChoices = [], levels = new Map(), submitLabel, onSave }) {
    const units = settings.units === 'lb' ? 'lb' : 'kg';
    const zone = draft.time_zone;
    const today = steady.localTime.localDate(Date.now(), zone);
    const formError = h('div', { class: 'form-error', role: 'alert', hidden: true });
    const groupsList = h('div', { class: 'entry-groups' });
    const controls = {};

    function boutRow(name, bout) {
      const id = uniqueId('bout');
      const side = h('select', { id: `${id}-side`, 'aria-label': 'Side' }, options(L.SIDES, bout.side));
      const reps = numberInput(`${id}-reps`, bout.reps, { min: 0, 'aria-label': 'Reps' });
      const seconds = numberInput(`${id}-seconds`, bout.seconds, { min: 0, 'aria-label': 'Seconds' });
      const row = h('li', { class: 'bout', 'data-error-slot': '' },
        h('div', { class: 'bout-controls' }, side, reps, seconds,
          h('button', {
            type: 'button', class: 'icon-button', 'aria-label': `Remove this set of ${name}`,
            onclick: () => { row.remove(); announce(`Set of ${name} removed.`); },
          }, '✕')),
        h('div', { class: 'row-errors' }));
      return row;
    }

    function groupNode({ exercise: slug, conditions = {}, bouts }) {
      const id = uniqueId('group');
      const name = L.exerciseName(slug, catalog);
      const list = h('ul', { class: 'bout-list' }, bouts.map((b) => boutRow(name, b)));
      const group = h('fieldset', { class: 'entry-group', 'data-exercise': slug },
        h('legend', {}, name),
        h('div', { class: 'bout-head', 'aria-hidden': 'true' }, h('span', {}, 'Side'), h('span', {}, 'Reps'), h('span', {}, 'Seconds')),
        list,
        h('div', { class: 'group-actions' },
          h('button', {
            type: 'button', class: 'button button-quiet button-compact',
            onclick: () => {
              const last = list.lastElementChild;
              const side = last ? last.querySelector('select').value : steady.rules.timeline.sidesOf(catalog.exercise.get(slug))[0];
              list.append(boutRow(name, { side, reps: null, seconds: null }));
              list.lastElementChild.querySelector('input').focus();
            },
          }, 'Add a set'),
          h('button', {
            type: 'button', class: 'button button-quiet button-compact', 'aria-label': `Remove ${name}`,
            onclick: () => { group.remove(); announce(`${name} removed.`); },
          }, 'Remove exercise')),
        h('div', { class: 'conditions' },
          field(`Load (${units})`, loadInput(`${id}-load`, conditions.load_kg, units)),
          field('Surface', h('select', { id: `${id}-surface` }, options(L.SURFACES, conditions.surface, { blank: 'Not noted' }))),
          field('Eyes', h('select', { id: `${id}-eyes` }, options(L.EYES, conditions.eyes, { blank: 'Not noted' }))),
          field('Footwear', h('select', { id: `${id}-footwear` }, options(L.FOOTWEAR, conditions.footwear, { blank: 'Not noted' })))));
      return group;
    }

    function addExercise(slug, target) {
      const exercise = catalog.exercise.get(slug);
      groupsList.append(groupNode({ exercise: slug, bouts: defaultBouts(exercise, target) }));
    }

    // Picked by hand: at the runner's level (its dose and the rung's conditions), if they have one.
    function addAtLevel(slug) {
      const exercise = catalog.exercise.get(slug);
      const now = steady.levels.prescribed(exercise, levels.get(slug));
      if (!now) return addExercise(slug);
      const target = now.dose === 'reps' ? { reps: now.target } : { hold_seconds: now.target };
      return groupsList.append(groupNode({ exercise: slug, conditions: now.conditions, bouts: defaultBouts(exercise, target) }));
    }

    groupsList.append(...groupEntries(draft.entries || []).map(groupNode));

    // When, and which routine: typed by hand in the quick log; the player already knows.
    let whenFields = null;
    let initialWhen = null;
    if (mode === 'manual') {
      const start = steady.rules.session.instantMillis(draft.started_at);
      const end = steady.rules.session.instantMillis(draft.ended_at);
      const at = steady.localTime.zonedParts(start === null ? Date.now() : start, zone);
      controls.date = h('input', { id: 'log-date', type: 'date', value: draft.local_date || at.date, max: today, required: true });
      controls.time = h('input', { id: 'log-time', type: 'time', value: at.time });
      controls.duration = numberInput('log-duration', start === null || end === null ? 20 : Math.round((end - start) / 60000), { min: 0 });
      controls.routine = h('select', { id: 'log-routine' },
        h('option', { value: '' }, 'None: single exercises'),
        routineChoices.map((r) => h('option', { value: r.ref, selected: r.ref === draft.routine }, r.name)));
      controls.routine.addEventListener('change', () => {
        const routine = routineChoices.find((r) => r.ref === controls.routine.value);
        if (!routine || groupsList.children.length) return;
        for (const item of routine.items) addExercise(item.exercise, item);
        announce(`${routine.items.length} exercises added from ${routine.name}.`);
      });
      initialWhen = [controls.date.value, controls.time.value, controls.duration.value];
      whenFields = h('fieldset', { class: 'form-section when' },
        h('legend', {}, 'When'),
        h('div', { class: 'field-row' },
          field('Date', controls.date),
          field('Start time', controls.time),
          field('Minutes', controls.duration)),
        field('Routine', controls.routine, 'Optional. Choosing one adds its exercises.'));
    }

    const picker = exercisePicker({
      id: 'add-exercise',
      catalog,
      onPick: (slug) => {
        addAtLevel(slug);
        groupsList.lastElementChild.querySelector('input').focus();
      },
    });

    controls.effort = numberInput('session-effort', draft.effort, { min: 1, max: 10 });
    const painRadios = Object.entries(L.PAIN).map(([value, text]) => {
      const radio = h('input', { type: 'radio', name: 'pain', id: `session-pain-${value}`, value, checked: (draft.pain || 'none') === value });
      return h('label', { class: 'choice', for: radio.id }, radio, text);
    });
    controls.pain = h('fieldset', { class: 'choices', id: 'session-pain' }, h('legend', {}, 'Pain'), painRadios);
    controls.notes = h('textarea', { id: 'session-notes', rows: 3, maxlength: steady.rules.session.LIMITS.notes }, draft.notes || '');

    /** The record the form describes now, and where each of its fields is edited. */
    function collect() {
      const where = {};
      const record = { ...draft };
      if (mode === 'manual') {
        const changed = [controls.date.value, controls.time.value, controls.duration.value].join() !== initialWhen.join();
        if (changed || !draft.started_at) {
          // A date the browser can't read stays as typed, so the rules reject it rather than guess.
          const date = controls.date.value;
          const minutes = numberOf(controls.duration);
          const start = /^\d{4}-\d{2}-\d{2}$/.test(date) ? steady.localTime.zonedToInstant(date, controls.time.value || '00:00', zone) : null;
          record.local_date = date;
          record.started_at = start === null ? '' : steady.localTime.isoInstant(start);
          record.ended_at = start === null || minutes === null || Number.isNaN(minutes) ? record.started_at
            : steady.localTime.isoInstant(start + minutes * 60000);
        }
        record.routine = controls.routine.value || null;
        Object.assign(where, { local_date: controls.date, started_at: controls.time, ended_at: controls.duration, routine: controls.routine });
      }
      record.entries = [];
      for (const group of groupsList.querySelectorAll('.entry-group')) {
        const [load, surface, eyes, footwear] = group.querySelectorAll('.conditions input, .conditions select');
        const kg = loadOf(load, units);
        for (const row of group.querySelectorAll('.bout')) {
          const [side, reps, seconds] = row.querySelectorAll('select, input');
          const i = record.entries.length;
          record.entries.push({
            exercise: group.dataset.exercise, side: side.value, reps: numberOf(reps), seconds: numberOf(seconds),
            load_kg: kg, surface: surface.value || null, eyes: eyes.value || null, footwear: footwear.value || null,
          });
          Object.assign(where, {
            [`entries.${i}`]: side, [`entries.${i}.exercise`]: side, [`entries.${i}.side`]: side,
            [`entries.${i}.reps`]: reps, [`entries.${i}.seconds`]: seconds, [`entries.${i}.load_kg`]: load,
            [`entries.${i}.surface`]: surface, [`entries.${i}.eyes`]: eyes, [`entries.${i}.footwear`]: footwear,
          });
        }
      }
      where.entries = picker.select;
      record.effort = numberOf(controls.effort);
      record.pain = (controls.pain.querySelector('input:checked') || {}).value || null;
      record.notes = controls.notes.value;
      Object.assign(where, { effort: controls.effort, pain: controls.pain.querySelector('input'), notes: controls.notes });
      return { record, where };
    }

    function messageFor(error) {
      if (units === 'lb' && error.field.endsWith('.load_kg') && /more than/.test(error.message)) {
        return `Load can't be more than ${loadInUnits(steady.rules.session.LIMITS.load_kg, 'lb', 0)} lb.`;
      }
      if (mode === 'manual' && error.field === 'ended_at') return 'Minutes can\'t be negative.';
      return error.message;
    }

    function showErrors(errors, where) {
      steady.components.fieldErrors.showFieldErrors(form, errors, where, { formError, messageFor });
    }

    const saveButton = h('button', { type: 'submit', class: 'button button-wide' }, submitLabel);
    const form = h('form', { class: 'session-form', novalidate: true, 'data-draft': true },
      formError,
      whenFields,
      h('section', { class: 'form-section', 'aria-labelledby': 'session-exercises' },
        h('h2', { id: 'session-exercises' }, mode === 'finish' ? 'What you did' : 'Exercises'),
        mode === 'finish' ? h('p', { class: 'hint' }, 'From the player: change anything that is not right. Each row is one set.') : null,
        groupsList,
        picker.node),
      h('section', { class: 'form-section', 'aria-labelledby': 'session-how' },
        h('h2', { id: 'session-how' }, 'How it went'),
        field('Effort, 1 to 10', controls.effort, '1 is very easy, 10 is all-out. Leave empty to skip.'),
        controls.pain,
        field('Notes', controls.notes)),
      saveButton);

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const { record, where } = collect();
      saveButton.disabled = true;
      try {
        await onSave(record);
      } catch (error) {
        if (error instanceof steady.sessions.SessionInvalid) showErrors(error.errors, where);
        else showErrors([{ field: 'record', message: `Could not save: ${error.message}` }], {});
      } finally {
        saveButton.disabled = false;
      }
    });

    return { node: form, collect };
  }

  steady.components.sessionForm = { sessionForm, groupEntries };
})(globalThis.steady);
