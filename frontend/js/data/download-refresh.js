// Keeping "Saved for offline" true after the catalogue changes: a download whose clips changed is
// saved again (or marked as needing an update when that fails), and media nothing needs any more
// (old clips, posters of removed exercises) is removed from the device.
(function (steady) {
  'use strict';
  const { STORES, openDatabase } = steady.db;
  const { clipUrls, listDownloads, saveDownload, removeDownload } = steady.downloads;

  /** The URLs a download should hold under `catalog`; null when what it saved no longer exists. */
  async function wantedUrls(record, catalog) {
    if (record.kind === 'all') return clipUrls(catalog.exercises);
    if (record.kind === 'exercise') {
      const exercise = catalog.exercise.get(record.slug);
      return exercise ? clipUrls([exercise]) : null;
    }
    if (record.kind === 'program') {
      const program = catalog.program.get(record.slug);
      if (!program) return null;
      const slugs = new Set(program.weeks.flatMap((w) => w.sessions.flatMap((s) => (catalog.routine.get(s.routine) || { items: [] }).items.map((i) => i.exercise))));
      return clipUrls([...slugs].map((slug) => catalog.exercise.get(slug)));
    }
    const routine = record.kind === 'routine'
      ? catalog.routine.get(record.slug)
      : await steady.customRoutines.getRoutine(record.slug).catch(() => null);
    return routine ? clipUrls(routine.items.map((item) => catalog.exercise.get(item.exercise))) : null;
  }

  function sameUrls(a, b) {
    return a.length === b.length && a.every((url) => b.includes(url));
  }

  async function markStale(record, urls) {
    const db = await openDatabase();
    await db.put(STORES.downloads, { ...record, urls, stale: true });
  }

  /** Delete every stored clip or poster that neither the catalogue nor a download refers to. */
  async function pruneMedia(catalog) {
    const keep = new Set([...clipUrls(catalog.exercises), ...(await listDownloads()).flatMap((d) => d.urls)]);
    const cache = await caches.open(steady.cacheNames.media);
    const stale = (await cache.keys()).filter((request) => !keep.has(new URL(request.url).pathname));
    await Promise.all(stale.map((request) => cache.delete(request)));
    return stale.length;
  }

  /** Bring every download in line with `catalog` (an indexed catalogue); says what it did. */
  async function refreshDownloads(catalog) {
    const outcome = { resaved: [], stale: [], removed: [], pruned: 0 };
    for (const record of await listDownloads()) {
      const urls = await wantedUrls(record, catalog);
      if (!urls || !urls.length) {
        await removeDownload(record.key);
        outcome.removed.push(record.title);
      } else if (record.stale || !sameUrls(urls, record.urls)) {
        try {
          await saveDownload({ ...record, urls });
          outcome.resaved.push(record.title);
        } catch (error) {
          await markStale(record, urls); // offline or out of space: shown as "needs update"
          outcome.stale.push(record.title);
        }
      }
    }
    outcome.pruned = await pruneMedia(catalog);
    return outcome;
  }

  steady.downloadRefresh = { wantedUrls, refreshDownloads, pruneMedia };
})(globalThis.steady);
