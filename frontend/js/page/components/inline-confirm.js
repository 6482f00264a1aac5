// A destructive button that asks first, in the page rather than in a blocking dialog, so it
// reads well with a screen reader and cannot be dismissed by accident.
(function (steady) {
  'use strict';
  const { h } = steady.dom;

  /** A button labelled `label` that asks `question` and runs onConfirm() only after a second, explicit tap. */
  function inlineConfirm({ label, question, confirmLabel, onConfirm }) {
    const trigger = h('button', { type: 'button', class: 'button button-quiet button-danger' }, label);
    const yes = h('button', { type: 'button', class: 'button button-danger-strong' }, confirmLabel);
    const no = h('button', { type: 'button', class: 'button button-quiet' }, 'Cancel');
    const prompt = h('div', { class: 'confirm', role: 'group', 'aria-label': label, hidden: true },
      h('p', {}, question), h('div', { class: 'button-row' }, yes, no));
    trigger.addEventListener('click', () => { trigger.hidden = true; prompt.hidden = false; no.focus(); });
    no.addEventListener('click', () => { prompt.hidden = true; trigger.hidden = false; trigger.focus(); });
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      try {
        await onConfirm();
      } finally {
        yes.disabled = false;
      }
    });
    return h('div', { class: 'confirm-wrap' }, trigger, prompt);
  }

  steady.components.inlineConfirm = inlineConfirm;
})(globalThis.steady);
