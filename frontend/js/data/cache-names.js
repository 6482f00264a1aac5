// Cache Storage names, shared by the page (which saves clips) and the service worker.
// Every Steady cache starts with the prefix, so the worker can clear old ones safely.
(function (steady) {
  'use strict';
  const PREFIX = 'steady-';
  steady.cacheNames = {
    PREFIX,
    /** The app shell and bundles of one worker version. */
    shell: (version) => `${PREFIX}shell-${version}`,
    /** The catalogue response, kept across versions for stale-while-revalidate. */
    data: `${PREFIX}data-v1`,
    /** Clips and posters: kept across versions, since their URLs are versioned by content. */
    media: `${PREFIX}media-v1`,
  };
})(globalThis.steady);
