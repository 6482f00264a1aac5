// The studio form's small parts: a set of checkboxes, a select from a table, an optional number,
// a titled section, and the fields a routine and a program share (slug, name, summary, tags, sources).
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const { controlId } = steady.coachForms;
  const { field } = steady.components.formFields;

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

  /** A form section with its heading (`id` names the heading). */
  function formSection(id, title, ...children) {
    return h('section', { class: 'form-section studio-section', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
  }

  /** The fields a ready-made routine and a program share, with ids `${kind}-name`…: the slug (a new one
   * only; `example` shows its form), name, summary and tags (`about`), and the sources it is written from. */
  function itemBasics(kind, value, { isNew, sources, example }) {
    const slug = isNew ? h('input', { id: `${kind}-slug`, type: 'text', maxlength: 80, autocomplete: 'off' }) : null;
    const name = h('input', { id: `${kind}-name`, type: 'text', value: value.name, maxlength: 120, autocomplete: 'off' });
    const summary = h('textarea', { id: `${kind}-summary`, rows: 3, maxlength: 600 });
    summary.value = value.summary || '';
    const tags = checkboxGroup(`${kind}-tags`, 'Tags', steady.labels.catalog.TAGS, value.tags);
    const sourceList = checkboxGroup(`${kind}-sources`, 'Based on', Object.fromEntries(sources.map((s) => [s.key, `${s.title} (${s.author})`])), value.sources);
    return {
      about: [
        slug ? field('Address name (slug)', slug, `Lower-case words joined by hyphens, such as ${example}. It cannot change later.`) : null,
        field('Name', name), field('Summary', summary), tags.node],
      sources: sourceList.node,
      read: () => ({ slug: slug ? slug.value.trim() : value.slug, name: name.value, summary: summary.value, tags: tags.read(), sources: sourceList.read() }),
      where: () => ({ ...(slug ? { slug } : {}), name, summary, ...tags.where('tags'), ...sourceList.where('sources') }),
    };
  }

  steady.coachForms.formSection = formSection;
  steady.coachForms.itemBasics = itemBasics;
  steady.coachForms.checkboxGroup = checkboxGroup;
  steady.coachForms.selectOf = selectOf;
  steady.coachForms.numberControl = numberControl;
  steady.coachForms.numberOf = numberOf;
  steady.coachForms.unreadNumbers = unreadNumbers;
})(globalThis.steady);
