// The service worker's lifecycle and router. /sw.js prepends self.STEADY_BUILD = { version, precache, screens, sync }.
(function (steady) {
  'use strict';
  const build = self.STEADY_BUILD;
  // The sync engine, for Background Sync: imported as the worker starts, the one moment a worker may
  // fetch a script (the browser keeps it with the worker's own). Already there when a test runs the files itself.
  if (!('syncEngine' in steady)) importScripts(build.sync);
  const names = steady.cacheNames;
  const { handleNavigation, handleCatalog, handleMedia, handlePrecached, handleScreenBundle } = steady.swHandlers;
  const { storeQuietly } = steady.swCacheWrites;
  const precached = new Set(build.precache);
  const screenBundles = new Set(build.screens);
  const POSTER_FETCHES = 4;

  /** Which handler answers a request; null lets the browser go to the network untouched. */
  function route(request) {
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.origin !== self.location.origin) return null;
    if (url.pathname === '/api/catalog') return handleCatalog;
    if (url.pathname.startsWith('/api/')) return null; // accounts and user data: never cached
    if (url.pathname.startsWith('/media/')) return handleMedia;
    if (precached.has(url.pathname)) return handlePrecached;
    if (screenBundles.has(url.pathname)) return handleScreenBundle;
    if (request.mode === 'navigate') return handleNavigation;
    return null;
  }

  async function precache() {
    const cache = await caches.open(names.shell(build.version));
    // 'reload' skips the HTTP cache, so a stale or partial entry can never end up precached.
    await cache.addAll(build.precache.map((url) => new Request(url, { cache: 'reload' })));
  }

  /** Keep the screen bundles (player, progress, account) beside this version's shell, so those
   * screens open offline too; one that fails now is kept when a page first loads it (handleScreenBundle). */
  async function cacheScreenBundles() {
    const cache = await caches.open(names.shell(build.version));
    await Promise.all(build.screens.map(async (url) => {
      const response = await fetch(new Request(url, { cache: 'reload' })).catch(() => null);
      if (steady.swResponses.isStorable(response)) await storeQuietly(cache, url, response);
    }));
  }

  async function dropOldCaches() {
    const keep = new Set([names.shell(build.version), names.data, names.media]);
    const all = await caches.keys();
    await Promise.all(all.filter((name) => name.startsWith(names.PREFIX) && !keep.has(name)).map((name) => caches.delete(name)));
  }

  /** Keep the catalogue and every poster, so each card looks complete offline even before its clip is saved. */
  async function warmCatalogAndPosters() {
    const response = await fetch('/api/catalog', { cache: 'no-cache' });
    if (!steady.swResponses.isStorable(response)) return;
    await storeQuietly(await caches.open(names.data), '/api/catalog', response.clone());
    const media = await caches.open(names.media);
    const posters = (await response.json()).exercises.map((e) => e.video && e.video.poster).filter(Boolean);
    // A few at a time: on a slow connection one after another would take minutes.
    const queue = [...posters];
    const fetchNext = async () => {
      for (let url = queue.shift(); url; url = queue.shift()) {
        if (await media.match(url)) continue;
        const poster = await fetch(url).catch(() => null);
        if (steady.swResponses.isStorable(poster)) await storeQuietly(media, url, poster);
      }
    };
    await Promise.all(Array.from({ length: POSTER_FETCHES }, fetchNext));
  }

  // Warming happens while installing, never while activating: fetch events wait for activation,
  // so a slow connection would otherwise hold every page behind the last poster. Only the precache
  // can fail the install; the screen bundles load beside the posters, so they add no wait of their own.
  self.addEventListener('install', (event) => event.waitUntil((async () => {
    await precache();
    await Promise.all([
      cacheScreenBundles().catch(() => undefined), // offline or server down: each is kept on first use
      warmCatalogAndPosters().catch(() => undefined), // offline or server down: posters come later
    ]);
  })()));
  self.addEventListener('activate', (event) => event.waitUntil((async () => {
    await dropOldCaches();
    await self.clients.claim();
  })()));
  self.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
  });
  // Background Sync: the browser wakes the worker once online, page or no page; a failed flush is retried by the browser.
  self.addEventListener('sync', (event) => {
    if (event.tag !== steady.syncEngine.TAG) return;
    event.waitUntil(steady.syncEngine.flush().then((outcome) => {
      if (outcome !== 'saved') throw new Error(`Sync ${outcome}; the browser will try again.`);
    }));
  });
  self.addEventListener('fetch', (event) => {
    const handler = route(event.request);
    if (handler) event.respondWith(handler(event, build));
  });
})(globalThis.steady);
