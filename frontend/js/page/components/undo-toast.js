// "Session deleted · Undo": a status at the foot of the screen that outlives the navigation the
// deletion caused, offering the undo for a few seconds. Only one is shown at a time.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  const SHOWN_MS = 10000;
  let current = null;

  /** Show `message` with an Undo button for some seconds; onUndo() runs at most once, then the toast goes. */
  function undoToast({ message, onUndo, undone }) {
    if (current) current.remove();
    const undo = h('button', { type: 'button', class: 'button button-compact' }, 'Undo');
    const toast = h('div', { class: 'toast', role: 'status' }, h('p', {}, message), undo);
    const timer = setTimeout(() => toast.remove(), SHOWN_MS);
    undo.addEventListener('click', async () => {
      undo.disabled = true;
      clearTimeout(timer);
      try {
        await onUndo();
        toast.remove();
        announce(undone);
      } catch (error) {
        toast.querySelector('p').textContent = `Could not undo: ${error.message}`;
        undo.remove();
        setTimeout(() => toast.remove(), SHOWN_MS);
      }
    });
    document.body.append(toast);
    current = toast;
    return toast;
  }

  steady.components.undoToast = undoToast;
})(globalThis.steady);
