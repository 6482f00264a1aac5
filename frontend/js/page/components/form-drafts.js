// What the runner typed survives a reload: every form marked data-draft keeps its fields in
// sessionStorage (this tab only) as they change, and gets them back when it is drawn again.
// Needed when another tab updates Steady and this one must reload before it can save.
(function (steady) {
  'use strict';
  const PREFIX = 'steady.draft:';
  const submitted = new WeakMap(); // form -> the draft key it was submitted under

  function storageKey(pathname = location.pathname) {
    return PREFIX + pathname;
  }

  function fields(form) {
    return [...form.querySelectorAll('input[id], select[id], textarea[id]')].filter((el) => el.type !== 'submit');
  }

  function keep(form) {
    const values = {};
    for (const el of fields(form)) values[el.id] = el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value;
    try {
      sessionStorage.setItem(storageKey(), JSON.stringify(values));
    } catch (error) {
      // Storage full or disabled: the form itself still holds what was typed.
    }
  }

  function restore(form) {
    let values = null;
    try {
      values = JSON.parse(sessionStorage.getItem(storageKey()) || 'null');
    } catch (error) {
      values = null;
    }
    if (!values) return;
    for (const el of fields(form)) {
      if (!(el.id in values)) continue;
      if (el.type === 'checkbox' || el.type === 'radio') el.checked = values[el.id];
      else el.value = values[el.id];
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }

  /** Forget the draft kept for an address (by default the current one). */
  function clearDraft(pathname = location.pathname) {
    sessionStorage.removeItem(storageKey(pathname));
  }

  /** Keep and restore drafts for every data-draft form drawn into `root`. */
  function watchDrafts(root) {
    const onEdit = (event) => {
      const form = event.target.form;
      if (form && form.hasAttribute('data-draft')) keep(form);
    };
    root.addEventListener('input', onEdit);
    root.addEventListener('change', onEdit);
    root.addEventListener('submit', (event) => submitted.set(event.target, location.pathname), true);
    new MutationObserver((changes) => {
      for (const change of changes) {
        for (const node of change.addedNodes) {
          if (node.nodeType !== 1) continue;
          const forms = node.matches('form[data-draft]') ? [node] : node.querySelectorAll('form[data-draft]');
          forms.forEach(restore);
        }
        for (const node of change.removedNodes) {
          // A submitted form that leaves the screen was saved (a failed save keeps it on screen).
          if (node.nodeType !== 1) continue;
          for (const form of [node, ...node.querySelectorAll('form')]) if (submitted.has(form)) clearDraft(submitted.get(form));
        }
      }
    }).observe(root, { childList: true, subtree: true });
  }

  steady.formDrafts = { watchDrafts, clearDraft };
})(globalThis.steady);
