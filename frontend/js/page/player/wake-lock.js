// Keeps the screen on while a routine runs. The browser drops the lock whenever the page is
// hidden, so it is asked for again each time the page comes back.
(function (steady) {
  'use strict';

  let wanted = false;
  let sentinel = null;

  async function acquire() {
    if (!wanted || sentinel || !('wakeLock' in navigator) || document.visibilityState !== 'visible') return;
    try {
      sentinel = await navigator.wakeLock.request('screen');
      sentinel.addEventListener('release', () => { sentinel = null; });
    } catch (error) {
      sentinel = null; // refused (battery saver, no permission): the routine still runs
    }
  }

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') acquire();
  });

  /** Keep the screen awake until release(). */
  function hold() {
    wanted = true;
    return acquire();
  }

  /** Let the screen sleep again. */
  function release() {
    wanted = false;
    if (sentinel) sentinel.release().catch(() => undefined);
    sentinel = null;
  }

  /** Whether the screen is being kept awake right now (for tests and the player's status). */
  function isHeld() {
    return Boolean(sentinel);
  }

  steady.wakeLock = { hold, release, isHeld };
})(globalThis.steady);
