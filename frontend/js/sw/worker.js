// The service worker's lifecycle and router. /sw.js prepends self.STEADY_BUILD = { version, precache }.
(function (steady) {
  'use strict';
  const build = self.STEADY_BUILD;
  const names = steady.cacheNames;
  const { handleNavigation, handleCatalog, handleMedia, handlePrecached } = steady.swHandlers;
  const precached = new Set(build.precache);

  /** Which handler answers a request; null lets the browser go to the network untouched. */
  function route(request) {
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.origin !== self.location.origin) return null;
    if (request.mode === 'navigate') return handleNavigation;
    if (url.pathname === '/api/catalog') return handleCatalog;
    if (url.pathname.startsWith('/api/')) return null; // accounts and user data: never cached
    if (url.pathname.startsWith('/media/')) return handleMedia;
    if (precached.has(url.pathname)) return handlePrecached;
    return null;
  }

  async function precache() {
    const cache = await caches.open(names.shell(build.version));
    // 'reload' skips the HTTP cache, so a stale or partial entry can never end up precached.
    await cache.addAll(build.precache.map((url) => new Request(url, { cache: 'reload' })));
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
    await (await caches.open(names.data)).put('/api/catalog', response.clone());
    const media = await caches.open(names.media);
    const posters = (await response.json()).exercises.map((e) => e.video && e.video.poster).filter(Boolean);
    for (const url of posters) {
      if (!(await media.match(url))) {
        const poster = await fetch(url);
        if (steady.swResponses.isStorable(poster)) await media.put(url, poster);
      }
    }
  }

  self.addEventListener('install', (event) => event.waitUntil(precache()));
  self.addEventListener('activate', (event) => event.waitUntil((async () => {
    await dropOldCaches();
    await self.clients.claim();
    await warmCatalogAndPosters().catch(() => undefined); // offline or server down: posters come later
  })()));
  self.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
  });
  self.addEventListener('fetch', (event) => {
    const handler = route(event.request);
    if (handler) event.respondWith(handler(event, build));
  });
})(globalThis.steady);
