// The form every account screen is built from: labelled inputs, one submit button, and an
// error region. Offline it says the action needs a connection and keeps every value typed.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  const { field } = steady.components.formFields;

  /** A labelled input for an account form: {name, label, type, autocomplete, hint}. */
  function accountInput(formId, spec) {
    const input = h('input', {
      id: `${formId}-${spec.name}`, name: spec.name, type: spec.type || 'text', autocomplete: spec.autocomplete,
      required: spec.type !== 'checkbox', spellcheck: spec.type === 'email' ? 'false' : null,
      inputmode: spec.type === 'email' ? 'email' : null, checked: spec.checked,
    });
    if (spec.type === 'checkbox') return { input, node: h('label', { class: 'choice', for: input.id }, input, spec.label) };
    return { input, node: field(spec.label, input, spec.hint) };
  }

  /** A form for one account action. `send(values)` calls the server and resolves when it is done;
   * `action` ("Logging in") is how the offline message names it. */
  function accountForm({ id, action, submitLabel, fields, send, extra = [], danger = false }) {
    const inputs = {};
    const rows = fields.map((spec) => {
      const { input, node } = accountInput(id, spec);
      inputs[spec.name] = input;
      return node;
    });
    const formError = h('div', { class: 'form-error', role: 'alert', id: `${id}-error`, tabindex: '-1', hidden: true });
    const offlineNote = h('p', { class: 'offline-note', id: `${id}-offline`, tabindex: '-1', hidden: navigator.onLine }, steady.labels.accounts.needsConnection(action));
    const submit = h('button', { type: 'submit', class: danger ? 'button button-danger-strong' : 'button' }, submitLabel);

    function showError(message) {
      formError.replaceChildren(h('p', {}, message));
      formError.hidden = false;
      formError.focus();
    }

    // One place says it: the note shown while offline, focused (and so read out) on a send.
    function showOffline() {
      offlineNote.hidden = false;
      offlineNote.focus();
      announce(offlineNote.textContent);
    }

    const values = () => Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, input.type === 'checkbox' ? input.checked : input.value]));

    async function onSubmit(event) {
      event.preventDefault();
      formError.hidden = true;
      const empty = Object.values(inputs).find((input) => input.required && !input.value.trim());
      if (empty) {
        showError(`Fill in ${empty.labels[0].textContent.toLowerCase()}.`);
        empty.focus();
        return;
      }
      if (!navigator.onLine) {
        showOffline();
        return;
      }
      submit.disabled = true;
      try {
        await send(values());
      } catch (error) {
        if (!(error instanceof steady.serverApi.ApiError)) throw error;
        if (error.offline) showOffline();
        else showError(error.message);
      } finally {
        submit.disabled = false;
      }
    }

    const onLine = () => {
      offlineNote.hidden = navigator.onLine;
      if (!form.isConnected) { // the screen was left: stop listening
        window.removeEventListener('online', onLine);
        window.removeEventListener('offline', onLine);
      }
    };
    window.addEventListener('online', onLine);
    window.addEventListener('offline', onLine);
    const form = h('form', { id, class: 'account-form', novalidate: true, onsubmit: onSubmit },
      offlineNote, formError, rows, h('div', { class: 'button-row' }, submit), extra);
    return { form, inputs };
  }

  steady.components.accountForm = accountForm;
})(globalThis.steady);
