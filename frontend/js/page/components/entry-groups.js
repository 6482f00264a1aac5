// The exercises of a session form: one group per exercise (and conditions), each with its sets
// and, once, the conditions they were done in. Folded, each group is a <details> whose summary says
// how many sets, so a finished workout fits a phone and is opened only to correct it.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  const L = steady.labels.training;
  const { field, numberInput, numberOf, options, loadInput, loadOf } = steady.components.formFields;

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

  /** "6 sets · 10 reps": what a folded group holds, read from its rows. */
  function foldedText(list) {
    const rows = [...list.querySelectorAll('.bout')];
    const doses = new Set(rows.map((row) => {
      const [, reps, seconds] = row.querySelectorAll('select, input');
      return L.boutText({ reps: numberOf(reps), seconds: numberOf(seconds) });
    }));
    const sets = `${rows.length} set${rows.length === 1 ? '' : 's'}`;
    return doses.size === 1 && [...doses][0] ? `${sets} · ${[...doses][0]}` : sets;
  }

  /** The groups' list. `folded` draws each group closed unless told otherwise; `units` is the runner's load unit. */
  function entryGroups({ catalog, units, folded = false }) {
    const node = h('div', { class: 'entry-groups' });

    function boutRow(name, bout, changed) {
      const id = uniqueId('bout');
      const side = h('select', { id: `${id}-side`, 'aria-label': 'Side' }, options(L.SIDES, bout.side));
      const reps = numberInput(`${id}-reps`, bout.reps, { min: 0, 'aria-label': 'Reps' });
      const seconds = numberInput(`${id}-seconds`, bout.seconds, { min: 0, 'aria-label': 'Seconds' });
      const row = h('li', { class: 'bout', 'data-error-slot': '' },
        h('div', { class: 'bout-controls' }, side, reps, seconds,
          h('button', {
            type: 'button', class: 'icon-button', 'aria-label': `Remove this set of ${name}`,
            onclick: () => { row.remove(); changed(); announce(`Set of ${name} removed.`); },
          }, '✕')),
        h('div', { class: 'row-errors' }));
      return row;
    }

    function groupNode({ exercise: slug, conditions = {}, bouts }, fold) {
      const id = uniqueId('group');
      const name = L.exerciseName(slug, catalog);
      const meta = h('span', { class: 'card-meta' });
      const changed = () => { meta.textContent = foldedText(list); };
      const list = h('ul', { class: 'bout-list' }, bouts.map((b) => boutRow(name, b, changed)));
      const body = [
        h('div', { class: 'bout-head', 'aria-hidden': 'true' }, h('span', {}, 'Side'), h('span', {}, 'Reps'), h('span', {}, 'Seconds')),
        list,
        h('div', { class: 'group-actions' },
          h('button', {
            type: 'button', class: 'button button-quiet button-compact',
            onclick: () => {
              const last = list.lastElementChild;
              const side = last ? last.querySelector('select').value : steady.rules.timeline.sidesOf(catalog.exercise.get(slug))[0];
              list.append(boutRow(name, { side, reps: null, seconds: null }, changed));
              changed();
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
          field('Footwear', h('select', { id: `${id}-footwear` }, options(L.FOOTWEAR, conditions.footwear, { blank: 'Not noted' })))),
      ];
      const group = fold
        ? h('details', { class: 'entry-group is-folded', 'data-exercise': slug },
          h('summary', {}, h('span', { class: 'card-title' }, name), meta), h('div', { class: 'entry-body' }, body))
        : h('fieldset', { class: 'entry-group', 'data-exercise': slug }, h('legend', {}, name), body);
      if (fold) list.addEventListener('input', changed);
      changed();
      return group;
    }

    /** Add one group ({exercise, conditions, bouts}), folded if `fold` (by default, as the list is). */
    function addGroup(group, { fold = folded } = {}) {
      node.append(groupNode(group, fold));
      return node.lastElementChild;
    }

    /** The entries the groups hold, and where each of their fields is edited ("entries.3.reps" → its input). */
    function read() {
      const entries = [];
      const where = {};
      for (const group of node.querySelectorAll('.entry-group')) {
        const [load, surface, eyes, footwear] = group.querySelectorAll('.conditions input, .conditions select');
        const kg = loadOf(load, units);
        for (const row of group.querySelectorAll('.bout')) {
          const [side, reps, seconds] = row.querySelectorAll('select, input');
          const i = entries.length;
          entries.push({
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
      return { entries, where };
    }

    return { node, addGroup, read, isEmpty: () => !node.children.length };
  }

  steady.components.entryGroups = { entryGroups, groupEntries, defaultBouts };
})(globalThis.steady);
