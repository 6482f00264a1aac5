// An ordered list of rows a coach adds to, removes from and reorders (steps, faults, kit, rungs,
// a routine's items, a program's weeks and their sessions). Each row knows its controls by
// sub-field, so an error the server names by dotted path ("steps.2", "items.0.reps") lands on the
// control it is about. A row may hold lists of its own: they are named after it ("Week 2, session 1").
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  let counter = 0;

  /** A fresh id for a control, unique on the page. */
  function controlId(prefix) {
    counter += 1;
    return `${prefix}-${counter}`;
  }

  const lowerFirst = (text) => text.charAt(0).toLowerCase() + text.slice(1);

  /** The editor: `makeRow(value, id)` returns {controls: {sub: control}, node, read()} (the sub-field ''
   * is the row's first control), and optionally where(path) for the lists inside it and relabel(label)
   * to name them after it; `noun` ("Step") names a row to screen readers. `key(value)`, for a list the
   * body keeps as an object, addresses rows by that key rather than by their place ("doses.plank"). */
  function listEditor({ id, noun, values, makeRow, blank, addLabel, key = null }) {
    const list = h('ol', { class: 'studio-rows', id: `${id}-rows` });
    const rows = [];
    let owner = ''; // the row this list is inside, when it is: "Week 2"

    function renumber() {
      if (owner) addButton.setAttribute('aria-label', `${addLabel} to ${lowerFirst(owner)}`);
      [...list.children].forEach((node, i) => {
        const row = rows.find((r) => r.node === node);
        row.label = owner ? `${owner}, ${lowerFirst(noun)} ${i + 1}` : `${noun} ${i + 1}`;
        for (const control of Object.values(row.controls)) {
          if (!control.hasAttribute('data-part')) continue;
          const part = control.dataset.part;
          control.setAttribute('aria-label', part ? `${row.label}: ${part}` : row.label);
        }
        row.tools.up.setAttribute('aria-label', `Move ${row.label.toLowerCase()} up`);
        row.tools.down.setAttribute('aria-label', `Move ${row.label.toLowerCase()} down`);
        row.tools.remove.setAttribute('aria-label', `Remove ${row.label.toLowerCase()}`);
        if (row.relabel) row.relabel(row.label);
      });
    }

    function move(row, direction) {
      const sibling = direction < 0 ? row.node.previousElementSibling : row.node.nextElementSibling;
      if (!sibling) return;
      if (direction < 0) sibling.before(row.node);
      else sibling.after(row.node);
      renumber();
      (direction < 0 ? row.tools.up : row.tools.down).focus();
      announce(`Moved to ${row.label.toLowerCase()}.`);
    }

    function remove(row) {
      const said = `${row.label} removed.`;
      row.node.remove();
      rows.splice(rows.indexOf(row), 1);
      renumber();
      addButton.focus();
      announce(said);
    }

    function add(value, { focus = false } = {}) {
      const made = makeRow(value, controlId(id));
      const row = { ...made, label: '' };
      row.tools = {
        up: h('button', { type: 'button', class: 'icon-button', 'data-move': 'up', onclick: () => move(row, -1) }, '↑'),
        down: h('button', { type: 'button', class: 'icon-button', 'data-move': 'down', onclick: () => move(row, 1) }, '↓'),
        remove: h('button', { type: 'button', class: 'icon-button', 'data-remove': '', onclick: () => remove(row) }, '✕'),
      };
      row.node = h('li', { class: 'studio-row', 'data-error-slot': '' },
        h('div', { class: 'studio-row-fields' }, made.node),
        h('div', { class: 'studio-row-tools' }, row.tools.up, row.tools.down, row.tools.remove),
        h('div', { class: 'row-errors' }));
      rows.push(row);
      list.append(row.node);
      renumber();
      if (focus) row.controls[''].focus();
      return row;
    }

    const addButton = h('button', {
      type: 'button', class: 'button button-quiet button-small', id: `${id}-add`,
      onclick: () => { add(blank(), { focus: true }); announce(`${rows[rows.length - 1].label} added.`); },
    }, addLabel);
    values.forEach((value) => add(value));

    /** The rows, in the order shown. */
    const ordered = () => [...list.children].map((node) => rows.find((r) => r.node === node));

    /** The values, in the order shown. */
    function read() {
      return ordered().map((row) => row.read());
    }

    /** `prefix` → the add button; `prefix.i` (or `prefix.<key>`) → row i's first control; `prefix.i.sub` → that control. */
    function where(prefix) {
      const map = { [prefix]: addButton };
      ordered().forEach((row, i) => {
        const at = `${prefix}.${key ? key(row.read()) : i}`;
        for (const [sub, control] of Object.entries(row.controls)) map[sub ? `${at}.${sub}` : at] = control;
        if (row.where) Object.assign(map, row.where(at));
      });
      return map;
    }

    /** Name this list's rows after the row it is inside ("Week 2" → "Week 2, session 1"). */
    function relabel(label) {
      owner = label;
      renumber();
    }

    return { node: h('div', { class: 'studio-list' }, list, addButton), read, where, add, rows: ordered, relabel };
  }

  /** A row of one text, labelled by the row's name: a step, a fault, a muscle. `multiline` makes it a textarea. */
  function textRow({ multiline = false, maxlength = 600 } = {}) {
    const part = '';
    return (value, id) => {
      const control = multiline
        ? h('textarea', { id, rows: 2, maxlength, 'data-part': part }, value || '')
        : h('input', { id, type: 'text', value: value || '', maxlength, 'data-part': part, autocomplete: 'off' });
      if (multiline) control.value = value || '';
      return { controls: { '': control }, node: control, read: () => control.value };
    };
  }

  steady.coachForms.controlId = controlId;
  steady.coachForms.listEditor = listEditor;
  steady.coachForms.textRow = textRow;
})(globalThis.steady);
