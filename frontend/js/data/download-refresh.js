// Keeping "Saved for offline" true after the catalogue changes: a download whose clips changed is
// saved again, and media nothing needs any more (old clips, posters of removed exercises) is
// removed from the device. The old clips are removed only once the new ones are saved: when that
// fails (offline, out of space) the download is marked as needing an update, keeps the files it
// has, and remembers the old clip of each exercise it still holds, so offline the old one still plays.
(function (steady) {
  'use strict';
  const { STORES, openDatabase } = steady.db;
  const { clipUrls, listDownloads, saveDownload, removeDownload } = steady.downloads;

  /** The exercises a download covers under `catalog`; null when what it saved no longer exists. */
  async function coveredExercises(record, catalog) {
    if (record.kind === 'all') return catalog.exercises;
    if (record.kind === 'exercise') {
      const exercise = catalog.exercise.get(record.slug);
      return exercise ? [exercise] : null;
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
    return routine ? routine.items.map((item) => catalog.exercise.get(item.exercise)) : null;
  }

  function sameUrls(a, b) {
    return a.length === b.length && a.every((url) => b.includes(url));
  }

  /** For each covered exercise whose clip changed, the old clip the download still holds: [{ slug, video }]. */
  function heldClips(record, exercises, previous) {
    const filmed = exercises.filter((e) => e && e.video);
    const held = (record.held || []).filter((h) => filmed.some((e) => e.slug === h.slug && e.video.src !== h.video.src));
    for (const exercise of filmed) {
      const before = previous && previous.exercise.get(exercise.slug);
      const old = before && before.video;
      const known = held.some((h) => h.slug === exercise.slug);
      if (!known && old && old.src !== exercise.video.src && record.urls.includes(old.src)) held.push({ slug: exercise.slug, video: old });
    }
    return held;
  }

  async function markStale(record, wanted, held) {
    const db = await openDatabase();
    await db.put(STORES.downloads, { ...record, wanted, held, stale: true });
  }

  /** Delete every stored clip or poster that neither the catalogue nor a download refers to. */
  async function pruneMedia(catalog) {
    const keep = new Set([...clipUrls(catalog.everyExercise), ...(await listDownloads()).flatMap((d) => d.urls)]);
    const cache = await caches.open(steady.cacheNames.media);
    const stale = (await cache.keys()).filter((request) => !keep.has(new URL(request.url).pathname));
    await Promise.all(stale.map((request) => cache.delete(request)));
    return stale.length;
  }

  /** Save what a download should hold now (its `wanted` clips when it needs an update), then drop what it held before. */
  async function updateDownload(record, catalog) {
    const saved = await saveDownload({ ...record, urls: record.wanted || record.urls });
    await pruneMedia(catalog);
    return saved;
  }

  /** Bring every download in line with `catalog` (an indexed catalogue; `previous` the one it replaces, if any); says what it did. */
  async function refreshDownloads(catalog, previous = null) {
    const outcome = { resaved: [], stale: [], removed: [], pruned: 0 };
    for (const record of await listDownloads()) {
      const exercises = await coveredExercises(record, catalog);
      const urls = exercises ? clipUrls(exercises) : [];
      if (!urls.length) {
        await removeDownload(record.key);
        outcome.removed.push(record.title);
      } else if (record.stale || !sameUrls(urls, record.urls)) {
        try {
          await saveDownload({ ...record, urls });
          outcome.resaved.push(record.title);
        } catch (error) {
          await markStale(record, urls, heldClips(record, exercises, previous)); // shown as "needs update"
          outcome.stale.push(record.title);
        }
      }
    }
    outcome.pruned = await pruneMedia(catalog);
    return outcome;
  }

  /** Keep the poster of every exercise in `catalog` (a few at a time), as the worker does when it installs,
   * so a card whose clip is not saved still looks whole offline after the catalogue changed. */
  async function keepPosters(catalog) {
    const cache = await caches.open(steady.cacheNames.media);
    const queue = [];
    for (const exercise of catalog.everyExercise) {
      if (exercise.video && !(await cache.match(exercise.video.poster))) queue.push(exercise.video.poster);
    }
    const fetchNext = async () => {
      for (let url = queue.shift(); url; url = queue.shift()) {
        const poster = await fetch(new Request(url, { cache: 'reload' })).catch(() => null);
        if (poster && poster.status === 200) await cache.put(url, poster).catch(() => undefined); // full: the clip's stand-in goes without
      }
    };
    await Promise.all([fetchNext(), fetchNext(), fetchNext(), fetchNext()]);
  }

  /** Whether any download waits for an update (its clips changed and the new ones are not saved yet). */
  async function anyStale() {
    return (await listDownloads()).some((d) => d.stale);
  }

  /** The old clip of exercise `slug` a download still holds while its new clip `src` is not saved, or null. */
  async function heldClipFor(slug, src) {
    const cache = await caches.open(steady.cacheNames.media);
    for (const record of await listDownloads()) {
      const found = (record.held || []).find((h) => h.slug === slug && h.video.src !== src);
      if (found && await cache.match(found.video.src)) return found.video;
    }
    return null;
  }

  steady.downloadRefresh = { refreshDownloads, updateDownload, pruneMedia, keepPosters, anyStale, heldClipFor };
})(globalThis.steady);
