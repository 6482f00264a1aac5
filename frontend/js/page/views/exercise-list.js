// The exercise list: search by name, muscle or kit, filter by focus and equipment; filters live in the URL.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  const { TAGS, EQUIPMENT, prescription } = steady.labels.catalog;
  const { matchesSearch } = steady.rules.exerciseSearch;

  /** Exercises matching a search (rules/exercise-search.js), a focus tag and an equipment choice ('none' = no kit). */
  function filterExercises(exercises, { q = '', tag = '', equipment = '' }) {
    return exercises.filter((exercise) => {
      if (!matchesSearch(exercise, q, steady.rules.muscles)) return false;
      if (tag && !exercise.tags.includes(tag)) return false;
      const kit = exercise.equipment.filter((e) => !e.optional).map((e) => e.item);
      if (equipment === 'none') return kit.length === 0;
      if (equipment && !exercise.equipment.some((e) => e.item === equipment)) return false;
      return true;
    });
  }

  // While searching, each card names its muscles too, so a runner sees why "calves" found it.
  function exerciseItem(exercise, searching) {
    return h('li', {},
      h('a', { class: 'card', href: `/exercises/${exercise.slug}` },
        h('span', { class: 'card-title' }, exercise.name),
        h('span', { class: 'card-meta' }, [prescription(exercise), ...exercise.tags.map((t) => TAGS[t])].join(' · ')),
        searching ? h('span', { class: 'card-meta' }, 'Muscles: ' + exercise.muscles.join(', ')) : null,
        h('span', { class: 'card-text' }, exercise.summary)));
  }

  function select(id, label, name, options, value) {
    return h('div', { class: 'field' },
      h('label', { for: id }, label),
      h('select', { id, name }, options.map(([key, text]) => h('option', { value: key, selected: key === value }, text))));
  }

  function exerciseList({ catalog, query }) {
    const state = { q: query.get('q') || '', tag: query.get('tag') || '', equipment: query.get('equipment') || '' };
    const results = h('ul', { class: 'card-list', id: 'exercise-results' });
    const count = h('p', { class: 'result-count', role: 'status' });
    const used = new Set(catalog.exercises.flatMap((e) => e.equipment.map((k) => k.item)));

    function update({ speak }) {
      const found = filterExercises(catalog.exercises, state);
      results.replaceChildren(...found.map((e) => exerciseItem(e, Boolean(state.q.trim()))));
      const message = found.length === 1 ? '1 exercise' : `${found.length} exercises`;
      count.textContent = found.length ? message : 'No exercises match. Try another word or clear a filter.';
      if (speak) announce(count.textContent);
      const params = new URLSearchParams(Object.entries(state).filter(([, v]) => v));
      history.replaceState({}, '', `/exercises${params.toString() ? '?' + params : ''}`);
    }

    const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Exercises', onsubmit: (e) => e.preventDefault() },
      h('div', { class: 'field field-wide' },
        h('label', { for: 'exercise-search' }, 'Search exercises'),
        h('input', { id: 'exercise-search', name: 'q', type: 'search', value: state.q, autocomplete: 'off', placeholder: 'e.g. plank, calves, band' })),
      select('exercise-tag', 'Focus', 'tag', [['', 'All'], ...Object.entries(TAGS)], state.tag),
      select('exercise-equipment', 'Equipment', 'equipment',
        [['', 'Any'], ['none', 'No equipment'], ...Object.entries(EQUIPMENT).filter(([k]) => used.has(k))], state.equipment));
    form.addEventListener('input', (event) => {
      state[event.target.name] = event.target.value;
      update({ speak: true });
    });

    update({ speak: false });
    const node = h('div', { class: 'page' }, h('h1', {}, 'Exercises'), form, count, results);
    return { title: 'Exercises', node };
  }

  steady.views.exerciseList = exerciseList;
})(globalThis.steady);
