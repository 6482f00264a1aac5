// The "Save for offline" control used on exercise cards and routines.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  const { formatBytes } = steady.labels.storage;

  /** A button that saves `urls` under `key`, showing what is saved and any failure. */
  function saveOfflineControl({ key, kind, slug, title, urls }) {
    const status = h('span', { class: 'save-status', role: 'status' });
    const button = h('button', { type: 'button', class: 'button button-quiet' }, 'Save for offline');
    const wrap = h('div', { class: 'save-offline' }, button, status);
    if (!urls.length || !('caches' in window)) return null;

    function saved(record) {
      button.textContent = 'Saved for offline';
      button.disabled = true;
      status.textContent = record ? formatBytes(record.bytes) : '';
    }

    steady.downloads.isSaved(key, urls).then((yes) => { if (yes) saved(null); }).catch(() => undefined);
    button.addEventListener('click', async () => {
      button.disabled = true;
      button.textContent = 'Saving…';
      status.textContent = '';
      try {
        const record = await steady.downloads.saveDownload({ key, kind, slug, title, urls });
        saved(record);
        announce(`${title} saved for offline use.`);
      } catch (error) {
        button.disabled = false;
        button.textContent = 'Save for offline';
        if (error instanceof steady.downloads.OutOfSpace) status.textContent = error.message;
        else status.textContent = navigator.onLine ? `Saving failed: ${error.message}` : 'You are offline: connect to save clips.';
        announce(status.textContent);
      }
    });
    return wrap;
  }

  steady.components.saveOffline = { saveOfflineControl, clipUrls: steady.downloads.clipUrls };
})(globalThis.steady);
