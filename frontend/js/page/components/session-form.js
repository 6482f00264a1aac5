// The session form, shared by the player's finish screen, the quick log and editing a session.
// The DOM is the form's state: collect() reads it into a session record, and maps every
// record field ("entries.3.reps") back to the control that holds it, for error messages.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  const L = steady.labels.training;
  const { field, numberInput, numberOf, exercisePicker, loadInUnits } = steady.components.formFields;
  const { entryGroups, groupEntries, defaultBouts } = steady.components.entryGroups;

  const LIMITS = steady.rules.session.LIMITS;

  /** "12 of 2000 characters" under the notes, kept up to date as the runner types, and read out once near the limit. */
  function notesCounter(textarea) {
    const count = h('p', { class: 'hint notes-count', id: 'session-notes-count', 'aria-live': 'polite' });
    textarea.setAttribute('aria-describedby', count.id);
    let warned = false;
    const update = () => {
      const used = steady.rules.jsonValues.characterCount(textarea.value);
      const over = used - LIMITS.notes;
      // Only crossing into the last tenth (or back) is read out: a count read at every key would drown the screen reader.
      const near = used > LIMITS.notes * 0.9;
      count.setAttribute('aria-live', near !== warned ? 'polite' : 'off');
      warned = near;
      count.textContent = over > 0 ? `${over} characters over the limit of ${LIMITS.notes}: shorten the notes to save.`
        : `${used} of ${LIMITS.notes} characters`;
      count.classList.toggle('is-over', over > 0);
    };
    textarea.addEventListener('input', update);
    update();
    return count;
  }

  /** Build a session form. mode: 'finish' (from the player) or 'manual' (quick log and edit); `levels`
   * (slug → level record) prefills an exercise picked by hand at the runner's level. */
  function sessionForm({ draft, catalog, settings, mode, routineChoices = [], levels = new Map(), submitLabel, onSave }) {
    const units = settings.units === 'lb' ? 'lb' : 'kg';
    const zone = draft.time_zone;
    const today = steady.localTime.localDate(Date.now(), zone);
    const formError = h('div', { class: 'form-error', role: 'alert', hidden: true });
    const controls = {};

    const groups = entryGroups({ catalog, units, folded: mode === 'finish' });

    function addExercise(slug) {
      return groups.addGroup({ exercise: slug, bouts: defaultBouts(catalog.exercise.get(slug)) });
    }

    // Picked by hand: at the runner's level (its dose and the rung's conditions), if they have one.
    function addAtLevel(slug) {
      const exercise = catalog.exercise.get(slug);
      const now = steady.levels.prescribed(exercise, levels.get(slug));
      if (!now) return addExercise(slug);
      const target = now.dose === 'reps' ? { reps: now.target } : { hold_seconds: now.target };
      return groups.addGroup({ exercise: slug, conditions: now.conditions, bouts: defaultBouts(exercise, target) });
    }

    // Chosen in the quick log: every set of the routine at its dose, or the runner's level where they have one.
    function addRoutine(routine) {
      const doses = {};
      const conditions = {};
      for (const item of routine.items) {
        const now = steady.levels.prescribed(catalog.exercise.get(item.exercise), levels.get(item.exercise));
        if (!now) continue;
        doses[item.exercise] = now.dose === 'reps' ? { reps: now.target } : { seconds: now.target };
        conditions[item.exercise] = now.conditions;
      }
      const entries = steady.rules.routineEntries.routineEntries(routine, catalog.exercise, { doses, conditions });
      // Folded: the whole routine fits the screen and Save is a tap away; each opens to correct it.
      for (const group of groupEntries(entries)) groups.addGroup(group, { fold: true });
      return entries.length;
    }

    for (const group of groupEntries(draft.entries || [])) groups.addGroup(group);

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
        const choice = routineChoices.find((r) => r.ref === controls.routine.value);
        if (!choice || !groups.isEmpty()) return;
        const sets = addRoutine(choice.routine);
        // Minutes not typed yet: the routine's own length is the better guess.
        if (!draft.started_at && controls.duration.value === initialWhen[2]) {
          controls.duration.value = String(steady.labels.routines.routineMinutes(choice.routine, catalog));
        }
        announce(`${choice.routine.items.length} exercises, ${sets} sets, added from ${choice.name}.`);
      });
      initialWhen = [controls.date.value, controls.time.value, controls.duration.value];
      whenFields = h('fieldset', { class: 'form-section when' },
        h('legend', {}, 'When'),
        h('div', { class: 'field-row' },
          field('Date', controls.date),
          field('Start time', controls.time),
          field('Minutes', controls.duration)),
        field('Routine', controls.routine, 'Optional. Choosing one adds all its sets, at your level where you have one.'));
    }

    const picker = exercisePicker({
      id: 'add-exercise',
      catalog,
      onPick: (slug) => {
        addAtLevel(slug).querySelector('input').focus();
      },
    });

    controls.effort = numberInput('session-effort', draft.effort, { min: 1, max: 10 });
    const painRadios = Object.entries(L.PAIN).map(([value, text]) => {
      const radio = h('input', { type: 'radio', name: 'pain', id: `session-pain-${value}`, value, checked: (draft.pain || 'none') === value });
      return h('label', { class: 'choice', for: radio.id }, radio, text);
    });
    controls.pain = h('fieldset', { class: 'choices', id: 'session-pain' }, h('legend', {}, 'Pain'), painRadios);
    // No maxlength: a paste past the limit would be cut silently. The count says where the limit is, and the rule refuses more.
    controls.notes = h('textarea', { id: 'session-notes', rows: 3 }, draft.notes || '');
    const notesCount = notesCounter(controls.notes);

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
      const read = groups.read();
      record.entries = read.entries;
      Object.assign(where, read.where);
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
      if (mode === 'manual' && error.field === 'ended_at') {
        // The form asks for minutes, not an end time: say it in minutes.
        if (/before the start/.test(error.message)) return 'Minutes can\'t be negative.';
        if (/longer than/.test(error.message)) return `A session can't be longer than ${LIMITS.hours * 60} minutes (${LIMITS.hours} hours).`;
      }
      return error.message;
    }

    function showErrors(errors, where) {
      // A start and end are built from the date: when the date is wrong, its own message is the one to read.
      const dateWrong = mode === 'manual' && errors.some((e) => e.field === 'local_date');
      const shown = dateWrong ? errors.filter((e) => e.field !== 'started_at' && e.field !== 'ended_at') : errors;
      steady.components.fieldErrors.showFieldErrors(form, shown, where, { formError, messageFor });
    }

    // The rule has no clock; a quick log does: a start later than now (beyond a minute's drift) is a typing slip.
    function startInFuture(record) {
      const start = steady.rules.session.instantMillis(record.started_at);
      const today = steady.localTime.localDate(Date.now(), zone);
      // A date after today is the rule's to refuse, with its own message.
      return mode === 'manual' && start !== null && record.local_date <= today && start > Date.now() + 60000;
    }

    const saveButton = h('button', { type: 'submit', class: 'button button-wide' }, submitLabel);
    const exercises = h('section', { class: 'form-section', 'aria-labelledby': 'session-exercises' },
      h('h2', { id: 'session-exercises' }, mode === 'finish' ? 'What you did' : 'Exercises'),
      mode === 'finish' ? h('p', { class: 'hint' }, 'Recorded by the player. Open an exercise to correct a set or note its load, surface, eyes and footwear.') : null,
      groups.node,
      picker.node);
    const how = h('section', { class: 'form-section', 'aria-labelledby': 'session-how' },
      h('h2', { id: 'session-how' }, 'How it went'),
      field('Effort, 1 to 10', controls.effort, '1 is very easy, 10 is all-out. Leave empty to skip.'),
      controls.pain,
      field('Notes', controls.notes), notesCount);
    // After a workout the sets are already known: how it went and Save come first, the sets after.
    const sections = mode === 'finish' ? [how, saveButton, exercises] : [whenFields, exercises, how, saveButton];
    const form = h('form', { class: `session-form is-${mode}`, novalidate: true, 'data-draft': true }, formError, sections);

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const { record, where } = collect();
      if (startInFuture(record)) {
        showErrors([{ field: 'started_at', message: 'The start can\'t be later than now.' }], where);
        return;
      }
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

  steady.components.sessionForm = { sessionForm };
})(globalThis.steady);
