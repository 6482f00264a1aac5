// Problems shown where they are: a message under each bad field, tied to it with
// aria-describedby and aria-invalid, and focus moved to the first one.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;

  /** Remove every message showFieldErrors() added inside `form`. */
  function clearFieldErrors(form, formError) {
    if (formError) {
      formError.hidden = true;
      formError.replaceChildren();
    }
    for (const message of form.querySelectorAll('.field-error')) message.remove();
    for (const control of form.querySelectorAll('[aria-invalid]')) {
      control.removeAttribute('aria-invalid');
      const ids = (control.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && !id.endsWith('-error'));
      if (ids.length) control.setAttribute('aria-describedby', ids.join(' '));
      else control.removeAttribute('aria-describedby');
    }
  }

  /** Where a control's message goes: its row's error slot, else its field or fieldset. */
  function messageHost(control) {
    const slot = control.closest('[data-error-slot]');
    if (slot) return slot.querySelector('.row-errors');
    return control.closest('.field') || control.closest('fieldset') || control.parentElement;
  }

  /** Show [{field, message}] on the controls `where` maps them to; the rest go in `formError`. */
  function showFieldErrors(form, errors, where, { formError, messageFor = (error) => error.message }) {
    clearFieldErrors(form, formError);
    const marked = [];
    for (const error of errors) {
      const control = where[error.field];
      if (!control) {
        formError.hidden = false;
        formError.append(h('p', {}, messageFor(error)));
        continue;
      }
      if (control.getAttribute('aria-invalid') === 'true') continue; // one message per control
      const id = `${control.id}-error`;
      // In a row of unlabelled-by-sight controls, say which one the message is about.
      const message = messageFor(error);
      const label = control.closest('[data-error-slot]') && control.getAttribute('aria-label');
      const prefix = label && !message.startsWith(label) ? `${label}: ` : '';
      messageHost(control).append(h('p', { class: 'field-error', id }, prefix + message));
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
      marked.push(control);
    }
    marked.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    const first = marked[0] || formError;
    if (first === formError) formError.setAttribute('tabindex', '-1');
    // A control inside a closed <details> can't take focus; open it first.
    const closed = first.closest('details:not([open])');
    if (closed) closed.open = true;
    first.focus();
    announce(errors.length === 1 ? 'One thing to fix before saving.' : `${errors.length} things to fix before saving.`);
  }

  steady.components.fieldErrors = { clearFieldErrors, showFieldErrors };
})(globalThis.steady);
