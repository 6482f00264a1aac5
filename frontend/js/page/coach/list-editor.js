// An ordered list of rows a coach adds to, removes from and reorders (steps, faults, kit, rungs,
// a routine's items). Each row knows its controls by sub-field, so an error the server names by
// dotted path ("steps.2", "items.0.reps") lands on the control it is about.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  let counter = 0;

  /** A fresh id for a control, unique on the page. */
  function controlId(prefix) {
    counter += 1;
    return `${prefix}-${counter}`;
  }

  /** The editor: `makeRow(value, id, label)` returns {controls: {sub: control}, node, read()} (the
   * sub-field '' is the row's first control); `noun` ("Step") names a row to screen readers. */
  function listEditor({ id, noun, values, makeRow, blank, addLabel }) {
    const list = h('ol', { class: 'studio-rows', id: `${id}-rows` });
    const rows = [];

    function renumber() {
      [...list.children].forEach((node, i) => {
        const row = rows.find((r) => r.node === node);
        row.label = `${noun} ${i + 1}`;
        for (const control of Object.values(row.controls)) {
          if (!control.hasAttribute('data-part')) continue;
          const part = control.dataset.part;
          control.setAttribute('aria-label', part ? `${row.label}: ${part}` : row.label);
        }
        node.querySelector('[data-move="up"]').setAttribute('aria-label', `Move ${row.label.toLowerCase()} up`);
        node.querySelector('[data-move="down"]').setAttribute('aria-label', `Move ${row.label.toLowerCase()} down`);
        node.querySelector('[data-remove]').setAttribute('aria-label', `Remove ${row.label.toLowerCase()}`);
      });
    }

    function move(row, direction) {
      const sibling = direction < 0 ? row.node.previousElementSibling : row.node.nextElementSibling;
      if (!sibling) return;
      if (direction < 0) sibling.before(row.node);
      else sibling.after(row.node);
      renumber();
      row.node.querySelector(direction < 0 ? '[data-move="up"]' : '[data-move="down"]').focus();
      announce(`Moved to ${row.label.toLowerCase()}.`);
    }

    function add(value, { focus = false } = {}) {
      const made = makeRow(value, controlId(id));
      const row = { ...made, label: '' };
      row.node = h('li', { class: 'studio-row', 'data-error-slot': '' },
        h('div', { class: 'studio-row-fields' }, made.node),
        h('div', { class: 'studio-row-tools' },
          h('button', { type: 'button', class: 'icon-button', 'data-move': 'up', onclick: () => move(row, -1) }, '↑'),
          h('button', { type: 'button', class: 'icon-button', 'data-move': 'down', onclick: () => move(row, 1) }, '↓'),
          h('button', {
            type: 'button', class: 'icon-button', 'data-remove': '',
            onclick: () => {
              const said = `${row.label} removed.`;
              row.node.remove();
              rows.splice(rows.indexOf(row), 1);
              renumber();
              addButton.focus();
              announce(said);
            },
          }, '✕')),
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

    const ordered = () => [...list.children].map((node) => rows.find((r) => r.node === node));

    /** The values, in the order shown. */
    function read() {
      return ordered().map((row) => row.read());
    }

    /** `prefix` → the add button; `prefix.i` → row i's first control; `prefix.i.sub` → that control. */
    function where(prefix) {
      const map = { [prefix]: addButton };
      ordered().forEach((row, i) => {
        for (const [sub, control] of Object.entries(row.controls)) map[sub ? `${prefix}.${i}.${sub}` : `${prefix}.${i}`] = control;
      });
      return map;
    }

    return { node: h('div', { class: 'studio-list' }, list, addButton), read, where, add };
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
