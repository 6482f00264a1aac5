// The studio form's small parts: a set of checkboxes, a select from a table, an optional number.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const { controlId } = steady.coachForms;

  /** Checkboxes for {value: text}, `chosen` ticked; read() gives the ticked values in table order. */
  function checkboxGroup(id, legend, labels, chosen) {
    const boxes = Object.entries(labels).map(([value, text]) => {
      const box = h('input', { type: 'checkbox', id: `${id}-${value}`, value, checked: chosen.includes(value) });
      return { box, node: h('label', { class: 'choice', for: box.id }, box, text) };
    });
    const node = h('fieldset', { class: 'choices studio-checks', id }, h('legend', {}, legend), boxes.map((b) => b.node));
    const read = () => boxes.filter((b) => b.box.checked).map((b) => b.box.value);
    /** `name` → the first box; `name.i` → the i-th ticked box (the server counts in the list it was sent). */
    function where(name) {
      const map = { [name]: boxes[0].box };
      boxes.filter((b) => b.box.checked).forEach((b, i) => { map[`${name}.${i}`] = b.box; });
      return map;
    }
    return { node, read, where };
  }

  /** A <select> over {value: text} with `value` chosen and an optional blank first option. */
  function selectOf(id, labels, value, { blank, part } = {}) {
    return h('select', { id, 'data-part': part },
      blank !== undefined ? h('option', { value: '', selected: !value }, blank) : null,
      Object.entries(labels).map(([key, text]) => h('option', { value: key, selected: key === value }, text)));
  }

  /** A number input (empty for null); read it with numberOf(). */
  function numberControl(id, value, attrs = {}) {
    return steady.components.formFields.numberInput(id || controlId('number'), value, { min: 0, ...attrs });
  }

  /** A number input's value: null when empty, NaN when what was typed is no number (see unreadNumbers). */
  function numberOf(input) {
    return steady.components.formFields.numberOf(input);
  }

  /** Errors for the number inputs in `form` the browser could not read, before anything is sent. */
  function unreadNumbers(form) {
    return [...form.querySelectorAll('input[type="number"]')]
      .filter((input) => input.validity.badInput)
      .map((input) => ({ control: input, message: 'Enter a whole number.' }));
  }

  steady.coachForms.checkboxGroup = checkboxGroup;
  steady.coachForms.selectOf = selectOf;
  steady.coachForms.numberControl = numberControl;
  steady.coachForms.numberOf = numberOf;
  steady.coachForms.unreadNumbers = unreadNumbers;
})(globalThis.steady);
