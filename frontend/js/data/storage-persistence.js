// Keeping the runner's data on the device: asking the browser not to clear it, and knowing where
// the browser clears it anyway (WebKit deletes the data of a website not opened for 7 days, unless
// it is installed to the home screen) — an injury break is exactly when a runner stops opening it.
(function (steady) {
  'use strict';

  /** 'granted', 'not granted' or 'unknown' (the browser cannot say). */
  async function persistenceState() {
    if (!navigator.storage || !navigator.storage.persisted) return 'unknown';
    return (await navigator.storage.persisted()) ? 'granted' : 'not granted';
  }

  /** Ask the browser to keep Steady's data; true when it will. */
  async function askToKeepData() {
    if (!navigator.storage || !navigator.storage.persist) return false;
    if (await navigator.storage.persisted()) return true;
    return navigator.storage.persist();
  }

  /** Whether this browser deletes the data of a site left unopened for days (WebKit, not installed). */
  function clearsUnusedSites() {
    const ua = navigator.userAgent;
    const webkitOnly = /AppleWebKit/.test(ua) && !/Chrome\/|Chromium\/|Edg\/|Android/.test(ua);
    const standalone = navigator.standalone === true
      || (typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches);
    return webkitOnly && !standalone;
  }

  /** Called once a session is stored: ask to keep data (on its own, no button needed), and tell the page. */
  function sessionLogged() {
    askToKeepData().catch(() => false).then((granted) => {
      globalThis.dispatchEvent(new CustomEvent('steady:session-logged', { detail: { granted } }));
    });
  }

  steady.storagePersistence = { persistenceState, askToKeepData, clearsUnusedSites, sessionLogged };
})(globalThis.steady);
