// The More menu's "Studio" link, shown only when this device's account is a coach's. The flag is
// learnt from each login and /api/auth/me answer and kept in localStorage: it is no training record,
// so nothing syncs it, and the studio's API checks the role on every request anyway.
(function (steady) {
  'use strict';
  const KEY = 'steady.coach';

  function show() {
    const item = document.getElementById('studio-link');
    if (item) item.hidden = localStorage.getItem(KEY) !== 'yes';
  }

  /** What the server said of the account in use here ({coach}), or null once none is: show or hide the link. */
  function noteAccount(user) {
    try {
      if (user && user.coach) localStorage.setItem(KEY, 'yes');
      else localStorage.removeItem(KEY);
    } catch (error) {
      // Storage disabled: the link simply stays as it was.
    }
    show();
  }

  /** Show the link as last known, then ask the server (when an account is in use and online): a grant takes effect on the next visit. */
  async function watchStudioLink() {
    show();
    if (!(await steady.syncStatus.syncInUse())) {
      noteAccount(null);
      return;
    }
    if (!navigator.onLine) return;
    try {
      noteAccount(await steady.serverApi.getJson('/api/auth/me'));
    } catch (error) {
      if (error.status === 401) noteAccount(null);
    }
  }

  steady.studioLink = { watchStudioLink, noteAccount };
})(globalThis.steady);
