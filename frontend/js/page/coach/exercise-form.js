// Every field of an exercise card, as the loader's schema has them (server/catalog/content.py
// ExerciseCard), read back into the body /api/coach/exercises takes. The server judges it: one set
// of rules, and each error comes back on the field it names.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const { field } = steady.components.formFields;
  const { TAGS, EQUIPMENT } = steady.labels.catalog;
  const { listEditor, textRow, checkboxGroup, selectOf, numberControl, numberOf, formSection: section } = steady.coachForms;

  const MEASURES = { reps: 'Reps', hold_seconds: 'Hold (seconds)', work_seconds: 'Timed bout (seconds)' };
  const CHANGES = { '': 'Just a note', exercise: 'Another exercise', surface: 'A surface', eyes: 'Eyes closed', footwear: 'Barefoot' };
  const SURFACE_NAMES = { floor: 'Floor', towel: 'Folded towel', foam_pad: 'Foam pad', wobble_board: 'Wobble board' };
  const BLANK = {
    name: '', summary: '', tags: [], muscles: [''], steps: ['', ''], top_tip: '', faults: [''], equipment: [],
    unilateral: false, prescription: { sets: 1, reps: 10 }, easier: [], harder: [], sources: [], ladder: null,
  };

  function text(id, value, { multiline = false, maxlength = 600 } = {}) {
    if (!multiline) return h('input', { id, type: 'text', value: value || '', maxlength, autocomplete: 'off' });
    const area = h('textarea', { id, rows: 3, maxlength });
    area.value = value || '';
    return area;
  }

  function prescriptionFields(p) {
    const measure = Object.keys(MEASURES).find((key) => p[key]) || 'reps';
    const sets = numberControl('exercise-sets', p.sets, { min: 1 });
    const kind = selectOf('exercise-measure', MEASURES, measure);
    const amount = numberControl('exercise-amount', p[measure], { min: 1 });
    const fewest = numberControl('exercise-reps-min', p.reps_min, { min: 1 });
    const fewestField = field('Fewest reps, for a range', fewest);
    const showFewest = () => { fewestField.hidden = kind.value !== 'reps'; };
    kind.addEventListener('change', showFewest);
    showFewest();
    const node = h('div', {},
      h('div', { class: 'field-row' }, field('Sets', sets), field('Measured in', kind)),
      h('div', { class: 'field-row' }, field('Amount', amount), fewestField));
    const read = () => ({
      sets: numberOf(sets), reps: kind.value === 'reps' ? numberOf(amount) : null,
      reps_min: kind.value === 'reps' ? numberOf(fewest) : null,
      hold_seconds: kind.value === 'hold_seconds' ? numberOf(amount) : null,
      work_seconds: kind.value === 'work_seconds' ? numberOf(amount) : null,
    });
    const where = {
      prescription: kind, 'prescription.sets': sets, 'prescription.reps': amount, 'prescription.hold_seconds': amount,
      'prescription.work_seconds': amount, 'prescription.reps_min': fewest,
    };
    return { node, read, where };
  }

  function equipmentRow(value, id) {
    const item = selectOf(`${id}-item`, EQUIPMENT, value.item, { part: 'kit' });
    const substitute = h('input', { id: `${id}-substitute`, type: 'text', value: value.substitute || '', maxlength: 600, 'data-part': 'what to use instead', placeholder: 'What to use instead (optional)' });
    const optional = h('input', { id: `${id}-optional`, type: 'checkbox', checked: value.optional });
    return {
      controls: { '': item, item, substitute, optional },
      node: [item, substitute, h('label', { class: 'choice', for: optional.id }, optional, 'Optional')],
      read: () => ({ item: item.value, substitute: substitute.value.trim() || null, optional: optional.checked }),
    };
  }

  function variationRow(exercises) {
    return (value, id) => {
      const change = ['exercise', 'surface', 'eyes', 'footwear'].find((key) => value[key]) || '';
      const kind = selectOf(`${id}-kind`, CHANGES, change, { part: 'what changes' });
      const exercise = selectOf(`${id}-exercise`, exercises, value.exercise, { blank: 'Choose an exercise…', part: 'exercise' });
      const surface = selectOf(`${id}-surface`, SURFACE_NAMES, value.surface, { blank: 'Choose a surface…', part: 'surface' });
      const note = h('textarea', { id: `${id}-note`, rows: 2, maxlength: 600, 'data-part': 'note', placeholder: 'What to do' });
      note.value = value.note || '';
      const show = () => { exercise.hidden = kind.value !== 'exercise'; surface.hidden = kind.value !== 'surface'; };
      kind.addEventListener('change', show);
      show();
      return {
        controls: { '': kind, exercise, surface, eyes: kind, footwear: kind, note },
        node: [kind, exercise, surface, note],
        read: () => ({
          exercise: kind.value === 'exercise' ? exercise.value || null : null,
          surface: kind.value === 'surface' ? surface.value || null : null,
          eyes: kind.value === 'eyes' ? 'closed' : null,
          footwear: kind.value === 'footwear' ? 'barefoot' : null,
          note: note.value,
        }),
      };
    };
  }

  /** The form's fields for `card` (a body or a served exercise; null for a new one). `exercises` is {slug: name}
   * for variations; `sources` the catalogue's. read() gives the body; where() maps the server's field paths to controls. */
  function exerciseForm(card, { isNew, exercises, sources }) {
    const c = card || BLANK;
    const slug = isNew ? text('exercise-slug', '', { maxlength: 80 }) : null;
    const name = text('exercise-name', c.name, { maxlength: 80 });
    const summary = text('exercise-summary', c.summary, { multiline: true });
    const tags = checkboxGroup('exercise-tags', 'Tags', TAGS, c.tags);
    const unilateral = h('input', { id: 'exercise-unilateral', type: 'checkbox', checked: c.unilateral });
    const prescription = prescriptionFields(c.prescription);
    const steps = listEditor({ id: 'exercise-steps', noun: 'Step', values: c.steps, makeRow: textRow({ multiline: true }), blank: () => '', addLabel: 'Add a step' });
    const topTip = text('exercise-top-tip', c.top_tip, { multiline: true });
    const faults = listEditor({ id: 'exercise-faults', noun: 'Fault', values: c.faults, makeRow: textRow(), blank: () => '', addLabel: 'Add a fault' });
    const muscles = listEditor({ id: 'exercise-muscles', noun: 'Muscle', values: c.muscles, makeRow: textRow({ maxlength: 80 }), blank: () => '', addLabel: 'Add a muscle' });
    const equipment = listEditor({ id: 'exercise-equipment', noun: 'Kit', values: c.equipment, makeRow: equipmentRow, blank: () => ({ item: 'mat', optional: false }), addLabel: 'Add kit' });
    const others = Object.fromEntries(Object.entries(exercises).filter(([key]) => key !== (card && card.slug)));
    const easier = listEditor({ id: 'exercise-easier', noun: 'Easier version', values: c.easier, makeRow: variationRow(others), blank: () => ({ note: '' }), addLabel: 'Add an easier version' });
    const harder = listEditor({ id: 'exercise-harder', noun: 'Harder version', values: c.harder, makeRow: variationRow(others), blank: () => ({ note: '' }), addLabel: 'Add a harder version' });
    const sourceList = checkboxGroup('exercise-sources', 'Based on', Object.fromEntries(sources.map((s) => [s.key, `${s.title} (${s.author})`])), c.sources);
    const ladder = steady.coachForms.ladderForm(c.ladder);

    const node = [
      section('studio-about', 'About',
        slug ? field('Address name (slug)', slug, 'Lower-case words joined by hyphens, such as side-plank. It cannot change later.') : null,
        field('Name', name),
        field('Summary', summary, 'Why a runner does it, in a sentence or two.'),
        tags.node,
        h('label', { class: 'choice', for: unilateral.id }, unilateral, 'Done on each side in turn')),
      section('studio-dose', 'Default dose', prescription.node),
      section('studio-steps', 'How to do it', steps.node, field('Top tip', topTip)),
      section('studio-faults', 'Avoid', faults.node),
      section('studio-muscles', 'Muscles worked', muscles.node),
      section('studio-kit', 'Equipment', h('p', { class: 'hint' }, 'None listed: just the runner and some floor space.'), equipment.node),
      section('studio-easier', 'Make it easier', easier.node),
      section('studio-harder', 'Make it harder', harder.node),
      section('studio-ladder', 'Progression ladder', ladder.node),
      section('studio-sources', 'Sources', h('p', { class: 'hint' }, 'The articles this card is written from.'), sourceList.node),
    ];

    function read() {
      return {
        ...(slug ? { slug: slug.value.trim() } : { slug: card.slug }),
        name: name.value, summary: summary.value, tags: tags.read(), muscles: muscles.read(), steps: steps.read(),
        top_tip: topTip.value, faults: faults.read(), equipment: equipment.read(), unilateral: unilateral.checked,
        prescription: prescription.read(), easier: easier.read(), harder: harder.read(), sources: sourceList.read(),
        ladder: ladder.read(),
      };
    }

    function where() {
      return {
        ...(slug ? { slug } : {}), name, summary, ...tags.where('tags'), unilateral, ...prescription.where,
        ...steps.where('steps'), top_tip: topTip, ...faults.where('faults'), ...muscles.where('muscles'),
        ...equipment.where('equipment'), ...easier.where('easier'), ...harder.where('harder'),
        ...sourceList.where('sources'), ...ladder.where('ladder'),
      };
    }

    return { node, read, where };
  }

  steady.coachForms.exerciseForm = exerciseForm;
})(globalThis.steady);
