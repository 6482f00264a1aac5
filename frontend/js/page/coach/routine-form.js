// Every field of a ready-made routine (server/catalog/content.py RoutineFile): format, rounds, work
// and rest, and its items in order with each one's target, read back into the studio's body.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const { field } = steady.components.formFields;
  const { listEditor, selectOf, numberControl, numberOf, formSection: section, itemBasics } = steady.coachForms;

  const TARGETS = { '': 'The routine’s work time', reps: 'Reps', hold_seconds: 'Hold (seconds)', work_seconds: 'Work (seconds)' };
  const BLANK = {
    name: '', summary: '', format: 'circuit', rounds: 2, work_seconds: 40, rest_seconds: 20, round_rest_seconds: 60,
    sessions_per_week: [], tags: [], sources: [], items: [],
  };

  function itemRow(exercises) {
    return (value, id) => {
      const target = Object.keys(TARGETS).find((key) => key && value[key]) || '';
      const exercise = selectOf(`${id}-exercise`, exercises, value.exercise, { blank: 'Choose an exercise…', part: 'exercise' });
      const kind = selectOf(`${id}-target`, TARGETS, target, { part: 'target' });
      const amount = numberControl(`${id}-amount`, target ? value[target] : null, { min: 1, 'data-part': 'amount', placeholder: 'Amount' });
      const fewest = numberControl(`${id}-reps-min`, value.reps_min, { min: 1, 'data-part': 'fewest reps', placeholder: 'Fewest reps' });
      const note = h('input', { id: `${id}-note`, type: 'text', value: value.note || '', maxlength: 600, 'data-part': 'note', placeholder: 'Note (optional)' });
      const fewestField = h('label', { class: 'studio-mini', for: fewest.id }, h('span', {}, 'Fewest reps, for a range'), fewest);
      const show = () => { amount.hidden = !kind.value; fewestField.hidden = kind.value !== 'reps'; };
      kind.addEventListener('change', show);
      show();
      const measure = (key) => (kind.value === key ? numberOf(amount) : null);
      return {
        controls: { '': exercise, exercise, target: kind, reps: amount, hold_seconds: amount, work_seconds: amount, reps_min: fewest, note },
        node: [exercise, h('div', { class: 'studio-row-pair' }, kind, amount), fewestField, note],
        read: () => ({
          exercise: exercise.value, reps: measure('reps'), reps_min: kind.value === 'reps' ? numberOf(fewest) : null,
          hold_seconds: measure('hold_seconds'), work_seconds: measure('work_seconds'), note: note.value.trim() || null,
        }),
      };
    };
  }

  /** The form's fields for `routine` (a body or a served routine; null for a new one); `exercises` is {slug: name}. */
  function routineForm(routine, { isNew, exercises, sources }) {
    const r = routine || BLANK;
    const basics = itemBasics('routine', r, { isNew, sources, example: 'core-staples' });
    const formats = ['circuit', 'sets'].map((value) => h('label', { class: 'choice', for: `routine-format-${value}` },
      h('input', { type: 'radio', name: 'studio-format', id: `routine-format-${value}`, value, checked: r.format === value }),
      value === 'circuit' ? 'Circuit: every exercise once, then round again' : 'Sets: all sets of one exercise, then the next'));
    const rounds = numberControl('routine-rounds', r.rounds, { min: 1 });
    const work = numberControl('routine-work', r.work_seconds);
    const rest = numberControl('routine-rest', r.rest_seconds);
    const roundRest = numberControl('routine-round-rest', r.round_rest_seconds);
    const [fewestDays, mostDays] = r.sessions_per_week || [];
    const weekLow = numberControl('routine-week-low', fewestDays, { min: 1, max: 7 });
    const weekHigh = numberControl('routine-week-high', mostDays, { min: 1, max: 7 });
    const items = listEditor({ id: 'routine-items', noun: 'Exercise', values: r.items, makeRow: itemRow(exercises), blank: () => ({ exercise: '' }), addLabel: 'Add an exercise' });
    const node = [
      section('studio-about', 'About', ...basics.about),
      section('studio-shape', 'Format and timing',
        h('fieldset', { class: 'choices', id: 'routine-format' }, h('legend', {}, 'Format'), formats),
        h('div', { class: 'field-row' }, field('Rounds or sets', rounds), field('Work time (seconds)', work, 'For items with no target of their own; empty for none.')),
        h('div', { class: 'field-row' }, field('Rest between exercises (seconds)', rest), field('Rest between rounds (seconds)', roundRest))),
      section('studio-often', 'How often',
        h('div', { class: 'field-row' }, field('Times a week, at least', weekLow), field('At most (optional)', weekHigh))),
      section('studio-items', 'Exercises, in order', items.node),
      section('studio-sources', 'Sources', h('p', { class: 'hint' }, 'The articles this routine is written from.'), basics.sources),
    ];

    function read() {
      const week = [numberOf(weekLow), numberOf(weekHigh)].filter((n) => n !== null);
      return {
        ...basics.read(),
        format: (formats.map((f) => f.querySelector('input')).find((input) => input.checked) || {}).value || null,
        rounds: numberOf(rounds), work_seconds: numberOf(work), rest_seconds: numberOf(rest) ?? 0,
        round_rest_seconds: numberOf(roundRest) ?? 0, sessions_per_week: week, items: items.read(),
      };
    }

    function where() {
      return {
        ...basics.where(), format: formats[0].querySelector('input'), rounds, work_seconds: work,
        rest_seconds: rest, round_rest_seconds: roundRest, sessions_per_week: weekLow, 'sessions_per_week.0': weekLow,
        'sessions_per_week.1': weekHigh, ...items.where('items'),
      };
    }

    return { node, read, where };
  }

  steady.coachForms.routineForm = routineForm;
})(globalThis.steady);
