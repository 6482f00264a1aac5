// The Storage screen: what is saved for offline, how much space it takes, and removing it.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  const { formatBytes } = steady.labels.storage;

  async function fillUsage(target) {
    if (!navigator.storage || !navigator.storage.estimate) {
      target.textContent = 'This browser does not report storage use.';
      return;
    }
    const { usage = 0, quota = 0 } = await navigator.storage.estimate();
    target.textContent = `Steady uses ${formatBytes(usage)} of about ${formatBytes(quota)} this browser allows.`;
  }

  async function fillPersistence(target) {
    const state = await steady.storagePersistence.persistenceState();
    const warning = steady.storagePersistence.clearsUnusedSites() ? steady.keepDataNotice.keepDataText() : [];
    if (state === 'unknown') {
      target.replaceChildren(h('p', {}, 'This browser does not say whether it keeps saved data: it may clear it when space runs low.'), ...warning);
      return;
    }
    if (state === 'granted') {
      target.replaceChildren(h('p', {}, h('strong', {}, 'Persistent storage: granted. '),
        'The browser will not clear your saved sessions and clips to free space.'), ...warning);
      return;
    }
    const message = h('p', { role: 'status' });
    target.replaceChildren(
      h('p', {}, h('strong', {}, 'Persistent storage: not granted. '), 'The browser may clear saved data when the device runs low on space.'),
      ...warning,
      h('button', {
        type: 'button', class: 'button',
        onclick: async () => {
          const granted = await steady.storagePersistence.askToKeepData();
          if (granted) {
            await fillPersistence(target);
            announce('Persistent storage granted: your data is kept safe from automatic clean-up.');
          } else {
            message.textContent = 'The browser declined for now. Installing Steady to your home screen usually allows it.';
          }
        },
      }, 'Keep my data safe'),
      message);
  }

  async function fillDownloads(list, catalog, usage) {
    const downloads = await steady.downloads.listDownloads();
    if (!downloads.length) {
      list.replaceChildren(h('li', { class: 'empty' }, 'Nothing saved yet. Use “Save for offline” on an exercise or routine, or save every clip below.'));
      return;
    }
    list.replaceChildren(...downloads.map((d) => h('li', { class: 'download' },
      h('div', {},
        h('a', { href: d.kind === 'routine' ? `/routines/${d.slug}` : d.kind === 'program' ? `/programs/${d.slug}` : d.kind === 'custom-routine' ? `/routines/${d.slug}/edit` : d.kind === 'exercise' ? `/exercises/${d.slug}` : '/exercises' }, d.title),
        h('span', { class: 'card-meta' }, d.stale
          ? ' · needs update: its clips changed and the new ones are not saved yet'
          : ` · ${formatBytes(d.bytes)} · saved ${steady.labels.dates.instantDateText(new Date(d.saved_at).getTime())}`)),
      d.stale ? h('button', {
        type: 'button', class: 'button button-quiet', 'aria-label': `Update ${d.title}`,
        onclick: async (event) => {
          event.target.disabled = true;
          try {
            await steady.downloadRefresh.updateDownload(d, catalog); // the new clips, then the old ones go
            announce(`${d.title} saved for offline use.`);
          } catch (error) {
            announce(error.message);
          }
          fillDownloads(list, catalog, usage);
          fillUsage(usage);
        },
      }, 'Update') : null,
      h('button', {
        type: 'button', class: 'button button-quiet', 'aria-label': `Remove ${d.title}`,
        onclick: async () => {
          await steady.downloads.removeDownload(d.key);
          announce(`${d.title} removed.`);
          fillDownloads(list, catalog, usage);
          fillUsage(usage);
        },
      }, 'Remove'))));
  }

  function storage({ catalog }) {
    const usage = h('p', { class: 'lead' }, 'Checking storage…');
    const persistence = h('div');
    const list = h('ul', { class: 'download-list' });
    const allUrls = steady.components.saveOffline.clipUrls(catalog.exercises);
    const saveAll = steady.components.saveOffline.saveOfflineControl({
      key: 'all-clips', kind: 'all', slug: '', title: 'Every exercise clip', urls: allUrls,
    });
    const node = h('div', { class: 'page' },
      h('h1', {}, 'Saved for offline'),
      usage,
      h('section', { 'aria-labelledby': 'storage-persist' }, h('h2', { id: 'storage-persist' }, 'Keeping your data'), persistence),
      h('section', { 'aria-labelledby': 'storage-saved' },
        h('h2', { id: 'storage-saved' }, 'Saved clips'),
        h('p', {}, 'Screens, exercise cards and your training log always work offline. Clips are saved when you ask, or when you start a routine.'),
        list,
        saveAll ? h('div', { class: 'save-all' }, h('p', {}, `All ${catalog.exercises.filter((e) => e.video).length} clips, for a trip without signal:`), saveAll) : null));
    Promise.all([fillUsage(usage), fillPersistence(persistence), fillDownloads(list, catalog, usage)])
      .catch((error) => { usage.textContent = `Could not read storage: ${error.message}`; });
    if (saveAll) saveAll.addEventListener('click', () => setTimeout(() => fillDownloads(list, catalog, usage), 0));
    return { title: 'Saved for offline', node };
  }

  steady.views.storage = storage;
})(globalThis.steady);
