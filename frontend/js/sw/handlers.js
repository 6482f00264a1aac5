// One named handler per kind of request. The worker's router (worker.js) picks among them.
(function (steady) {
  'use strict';
  const { isStorable, rangeResponse } = steady.swResponses;
  const names = steady.cacheNames;
  const { storeQuietly } = steady.swCacheWrites;

  /** Pages: the cached shell at once (it renders every route from local data), never waiting for
   * the network; a slow connection is the common case. The browser checks for a new worker on
   * each navigation in the background, and a deploy arrives through the update prompt. */
  async function handleNavigation(event, build) {
    const shell = await caches.match('/', { cacheName: names.shell(build.version) });
    if (shell) return shell;
    try {
      return await fetch(event.request); // the shell was cleared: the network, as on a first visit
    } catch (error) {
      return new Response('Steady is offline and this page has not been saved yet.', {
        status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      });
    }
  }

  /** The catalogue: answer from the cache at once, refresh it behind, tell pages if it changed. A page
   * checking for a new version on purpose (cache: 'no-cache') gets the network's answer, or a failure it can retry. */
  async function handleCatalog(event) {
    const cache = await caches.open(names.data);
    const cached = await cache.match('/api/catalog');
    const refresh = fetch(event.request).then(async (response) => {
      if (isStorable(response)) {
        const changed = !cached || cached.headers.get('ETag') !== response.headers.get('ETag');
        const kept = await storeQuietly(cache, '/api/catalog', response.clone());
        if (kept && changed && cached) await tellPages({ type: 'CATALOG_UPDATED' });
      }
      return response;
    });
    if (cached && event.request.cache !== 'no-cache') {
      event.waitUntil(refresh.catch(() => undefined));
      return cached;
    }
    return refresh;
  }

  /** Clips and posters: from the media cache when saved (cutting Range requests from it), else the network. */
  async function handleMedia(event) {
    const { request } = event;
    const cache = await caches.open(names.media);
    const stored = await cache.match(request.url);
    const range = request.headers.get('Range');
    if (stored) return range ? rangeResponse(stored, range) : stored;
    const response = await fetch(request);
    // Posters and whole-file fetches are kept; a video's partial 206 never is.
    if (!range && isStorable(response)) event.waitUntil(storeQuietly(cache, request.url, response.clone()));
    return response;
  }

  /** Precached shell files (bundles, icons, manifest): cache first. */
  async function handlePrecached(event, build) {
    const cached = await caches.match(event.request, { cacheName: names.shell(build.version) });
    return cached || fetch(event.request);
  }

  /** Screen bundles: cache first; one the install could not fetch is kept the first time a page loads it. */
  async function handleScreenBundle(event, build) {
    const cache = await caches.open(names.shell(build.version));
    const cached = await cache.match(event.request.url);
    if (cached) return cached;
    const response = await fetch(event.request);
    if (isStorable(response)) event.waitUntil(storeQuietly(cache, event.request.url, response.clone()));
    return response;
  }

  async function tellPages(message) {
    const pages = await self.clients.matchAll({ type: 'window' });
    for (const page of pages) page.postMessage(message);
  }

  steady.swHandlers = { handleNavigation, handleCatalog, handleMedia, handlePrecached, handleScreenBundle };
})(globalThis.steady);
