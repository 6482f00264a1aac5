// The screen bundles (server/shell/assets.py SCREEN_JS): the heavier screens' code, kept out of the
// precached page bundle and loaded by a <script src> the first time the router opens one of them.
// Their fingerprinted URLs come in the shell page's JSON block, since the CSP allows no inline script.
(function (steady) {
  'use strict';

  const loads = new Map();

  /** Each screen bundle's URL by name, as the shell page lists them. */
  function screenBundleUrls() {
    const block = document.getElementById('screen-bundles');
    return block ? JSON.parse(block.textContent) : {};
  }

  function addScript(name) {
    return new Promise((resolve, reject) => {
      const url = screenBundleUrls()[name];
      if (!url) throw new Error(`The shell page lists no screen bundle called ${name}`);
      const script = document.createElement('script');
      script.src = url;
      script.addEventListener('load', () => resolve());
      script.addEventListener('error', () => {
        script.remove();
        reject(new Error(`The ${name} screen bundle could not be loaded from ${url}`));
      });
      document.head.append(script);
    });
  }

  /** Load the named screen bundle once per page; a load that failed is tried afresh next time. */
  function loadScreenBundle(name) {
    if (!loads.has(name)) {
      const load = addScript(name);
      load.catch(() => loads.delete(name));
      loads.set(name, load);
    }
    return loads.get(name);
  }

  steady.screenBundles = { screenBundleUrls, loadScreenBundle };
})(globalThis.steady);
