// Writing to Cache Storage from the worker. A write can fail (the device is out of space, or the
// browser's quota for the site is used up); that must never fail the answer the network gave.
(function (steady) {
  'use strict';

  /** Store `response` under `url` in `cache`; true if it was kept, false if the write failed. */
  async function storeQuietly(cache, url, response) {
    try {
      await cache.put(url, response);
      return true;
    } catch (error) {
      console.warn(`Steady could not keep ${url} in its cache:`, error);
      return false;
    }
  }

  steady.swCacheWrites = { storeQuietly };
})(globalThis.steady);
