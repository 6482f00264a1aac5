// Clips saved for offline: the files live in the media cache, the record of what was saved in IndexedDB.
(function (steady) {
  'use strict';
  const { STORES, openDatabase } = steady.db;

  /** A stored response's size, from its header when it has one, so the body is not read again. */
  async function byteSize(response) {
    const length = Number(response.headers.get('Content-Length'));
    return length > 0 ? length : (await response.blob()).size;
  }

  /** Clip and poster URLs for a list of exercises (missing ones and ones without a clip are skipped). */
  function clipUrls(exercises) {
    return exercises.filter((e) => e && e.video).flatMap((e) => [e.video.src, e.video.poster]);
  }

  /** Raised when the device or the browser's quota has no room left; nothing of the download is kept. */
  class OutOfSpace extends Error {
    constructor() {
      super('There is not enough space on this device to save these clips, so nothing was kept. '
        + 'Remove other saved clips on the Storage screen, or free some space on the device, and try again.');
      this.name = 'OutOfSpace';
    }
  }

  function isQuotaError(error) {
    return Boolean(error) && (error.name === 'QuotaExceededError' || error.name === 'OutOfSpace');
  }

  /** Save every URL (fetched whole, bypassing the HTTP cache) and record the download under `key`.
   * All or nothing: on any failure the files this call added are removed again. */
  async function saveDownload({ key, kind, slug, title, urls }) {
    const cache = await caches.open(steady.cacheNames.media);
    const added = [];
    let bytes = 0;
    try {
      for (const url of urls) {
        let response = await cache.match(url);
        if (!response) {
          // 'reload' so a partial 206 left in the HTTP cache by a <video> can never be stored.
          // A connection lost partway rejects with the browser's own words ("Failed to fetch"), which tell a runner nothing.
          response = await fetch(new Request(url, { cache: 'reload' }))
            .catch(() => { throw new Error('The connection was lost partway; try again once it is steadier.'); });
          if (response.status !== 200) throw new Error(`Could not download ${url} (HTTP ${response.status}).`);
          added.push(url);
          await cache.put(url, response.clone());
        }
        bytes += await byteSize(response);
      }
      const record = { key, kind, slug, title, urls, bytes, saved_at: new Date().toISOString() };
      const db = await openDatabase();
      await db.put(STORES.downloads, record);
      return record;
    } catch (error) {
      await Promise.all(added.map((url) => cache.delete(url).catch(() => false)));
      throw isQuotaError(error) ? new OutOfSpace() : error;
    }
  }

  /** Every saved download, newest first. */
  async function listDownloads() {
    const db = await openDatabase();
    const all = await db.getAll(STORES.downloads);
    return all.sort((a, b) => b.saved_at.localeCompare(a.saved_at));
  }

  /** Whether everything under `key` is still saved, and (given `urls`) holds what is wanted now. */
  async function isSaved(key, urls = null) {
    const db = await openDatabase();
    const record = await db.get(STORES.downloads, key);
    if (!record || record.stale) return false;
    if (urls && !urls.every((url) => record.urls.includes(url))) return false;
    const cache = await caches.open(steady.cacheNames.media);
    const present = await Promise.all(record.urls.map((url) => cache.match(url)));
    return present.every(Boolean);
  }

  /** Remove a download; files another download still needs are kept. */
  async function removeDownload(key) {
    const db = await openDatabase();
    const all = await db.getAll(STORES.downloads);
    const target = all.find((d) => d.key === key);
    if (!target) return;
    const stillNeeded = new Set(all.filter((d) => d.key !== key).flatMap((d) => d.urls));
    const cache = await caches.open(steady.cacheNames.media);
    await Promise.all(target.urls.filter((url) => !stillNeeded.has(url)).map((url) => cache.delete(url)));
    await db.delete(STORES.downloads, key);
  }

  steady.downloads = { OutOfSpace, clipUrls, saveDownload, listDownloads, isSaved, removeDownload };
})(globalThis.steady);
