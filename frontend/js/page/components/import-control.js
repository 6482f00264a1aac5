// "Import" beside the export: choose an export file, see what it holds and what is already
// here, then import it in one go. The reading, the preview and the storing (the "import" bundle, and
// the programs bundle for enrolments) load only once a file is chosen; the worker caches both, so
// importing works offline.
(function (steady) {
  'use strict';
  const { h } = steady.dom;

  /** Show why a file was not imported, in place of any preview. */
  function showProblem({ problem, preview }, message) {
    problem.textContent = message;
    problem.hidden = false;
    preview.replaceChildren();
  }

  /** The import control; `done` runs after an import (to show the new records). */
  function importControl({ id, done = () => undefined }) {
    const input = h('input', { type: 'file', id, accept: 'application/json,.json', class: 'import-file', 'aria-describedby': `${id}-hint` });
    const parts = {
      input,
      preview: h('div', { class: 'import-preview', role: 'status' }),
      problem: h('p', { class: 'form-error', role: 'alert', hidden: true }),
    };

    input.addEventListener('change', async () => {
      const [file] = input.files;
      if (!file) return;
      parts.preview.replaceChildren(h('p', {}, 'Reading the file…'));
      try {
        await Promise.all([steady.screenBundles.loadScreenBundle('programs'), steady.screenBundles.loadScreenBundle('import')]);
      } catch (error) {
        showProblem(parts, 'Importing needs a connection the first time it is used: try again once you are online.');
        return;
      }
      // Looked up by name: the preview comes with its bundle.
      await steady.components['importPreview'].previewFile(file, parts, done);
    });

    return h('div', { class: 'import' },
      h('label', { for: id }, 'Import an export file (JSON)'),
      h('p', { class: 'hint', id: `${id}-hint` }, 'From this app on another phone or browser, or your account. Records keep their ids, so nothing is doubled.'),
      input, parts.problem, parts.preview);
  }

  steady.components.importControl = { importControl, showProblem };
})(globalThis.steady);
