// The screen bundles (server/shell/assets.py SCREEN_JS): the heavier screens' code, kept out of the
// precached page bundle and loaded by a <script src> the first time the router opens one of them.
// Their fingerprinted URLs come in the shell page's JSON blocks, since the CSP allows no inline script;
// a bundle with styles of its own (SCREEN_CSS) gets its stylesheet before its screen draws.
(function (steady) {
  'use strict';

  const loads = new Map();

  function listed(id) {
    const block = document.getElementById(id);
    return block ? JSON.parse(block.textContent) : {};
  }

  /** Each screen bundle's URL by name, as the shell page lists them. */
  function screenBundleUrls() {
    return listed('screen-bundles');
  }

  function addStyles(name) {
    const url = listed('screen-styles')[name];
    if (!url) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = url;
      link.addEventListener('load', () => resolve());
      link.addEventListener('error', () => {
        link.remove();
        reject(new Error(`The ${name} screen styles could not be loaded from ${url}`));
      });
      document.head.append(link);
    });
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

  function once(key, start) {
    if (!loads.has(key)) {
      const load = start();
      load.catch(() => loads.delete(key));
      loads.set(key, load);
    }
    return loads.get(key);
  }

  /** Load the named screen bundle (and its styles) once per page; a part that failed is tried afresh next time. */
  function loadScreenBundle(name) {
    return Promise.all([once(name, () => addScript(name)), once(`styles:${name}`, () => addStyles(name))]);
  }

  steady.screenBundles = { screenBundleUrls, loadScreenBundle };
})(globalThis.steady);
