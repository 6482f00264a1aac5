// "Download my data" buttons: everything on this device as JSON or CSV, made in the page
// (a Blob and an object URL), so it works offline and without an account. The code that makes them
// (the "export" bundle) loads when a button is first pressed; the worker caches it.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;

  /** Save `text` as a file called `filename`, made in the page (works offline). */
  function download(filename, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = h('a', { href: url, download: filename, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked later, not at once: some browsers read the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  /** Two buttons that download the device's data, and a status line. */
  function exportControls() {
    const status = h('p', { class: 'hint', role: 'status' });
    async function run(kind) {
      try {
        await steady.screenBundles.loadScreenBundle('export');
      } catch (error) {
        status.textContent = 'Exporting needs a connection the first time it is used: try again once you are online.';
        announce(status.textContent);
        return;
      }
      try {
        // Looked up by name: the export code comes with its bundle.
        const { exportAll, sessionsCsv } = steady['dataExport'];
        const data = await exportAll();
        const day = steady.localTime.localDate(Date.now(), steady.localTime.deviceTimeZone());
        if (kind === 'json') download(`steady-export-${day}.json`, 'application/json', `${JSON.stringify(data, null, 2)}\n`);
        else download(`steady-sessions-${day}.csv`, 'text/csv', sessionsCsv(data.sessions));
        status.textContent = `Exported ${data.sessions.length} session${data.sessions.length === 1 ? '' : 's'} as ${kind.toUpperCase()}.`;
      } catch (error) {
        status.textContent = `Export failed: ${error.message}`;
      }
      announce(status.textContent);
    }
    return h('div', { class: 'export' },
      h('div', { class: 'button-row' },
        h('button', { type: 'button', class: 'button button-quiet', onclick: () => run('json') }, 'Download JSON'),
        h('button', { type: 'button', class: 'button button-quiet', onclick: () => run('csv') }, 'Download CSV')),
      status);
  }

  steady.components.exportControl = { exportControls, download };
})(globalThis.steady);
