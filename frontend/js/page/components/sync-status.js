// The sync status line under the top bar, on every screen, once an account is in use on this
// device: what is saved, what waits, and when the device last synced. Its words are read out by
// screen readers when they change; the time beside them is not, so a routine sync stays quiet.
(function (steady) {
  'use strict';
  const { h } = steady.dom;

  const plural = (n) => `${n} ${n === 1 ? 'change' : 'changes'}`;

  /** The words for a sync status ({state, waiting}). */
  function statusWords({ state, waiting }) {
    switch (state) {
      case 'waiting': return `${plural(waiting)} waiting`;
      case 'offline': return waiting ? `Offline — ${plural(waiting)} will sync` : 'Offline — all changes saved';
      case 'failed': return 'Sync failed — retrying';
      case 'expired': return waiting ? `Logged out — log in to sync ${plural(waiting)}` : 'Logged out — log in to sync';
      default: return 'All changes saved';
    }
  }

  function lastSynced(iso) {
    if (!iso) return 'Not synced yet';
    const at = new Date(iso);
    const sameDay = at.toDateString() === new Date().toDateString();
    const time = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    return 'Last synced ' + (sameDay ? time : steady.labels.dates.instantDateText(at.getTime(), { year: false }) + ', ' + time);
  }

  let loading = null;
  let shown = false;

  /** The sync engine, loaded on first use: the page bundle leaves it out, since without an account it is never needed. */
  function loadSync() {
    if (!loading) {
      // Looked up by name, as the router looks up a screen bundle's view: the page bundle does not define it.
      loading = steady.screenBundles.loadScreenBundle('sync').then(() => steady['syncEngine']);
      loading.catch(() => { loading = null; });
    }
    return loading;
  }

  function show(engine) {
    if (shown) return;
    shown = true;
    const words = h('span', { role: 'status', class: 'sync-words' });
    const refusedNote = h('span', { class: 'sync-refused' });
    const time = h('span', { class: 'sync-time' });
    const login = h('a', { href: '/login', hidden: true }, 'Log in');
    const bar = h('section', { class: 'sync-status', id: 'sync-status', 'aria-label': 'Sync', hidden: true }, words, ' ', refusedNote, time, ' ', login);
    document.getElementById('main').before(bar);
    engine.watchSync((status, news) => {
      // A pull brought records from another device: show them where the runner is looking.
      if (news.changed) steady.router.refresh().then((shownNow) => shownNow && steady.dom.announce('Updated with changes from your other devices.'));
      // A sync is also when the device checks for a new catalogue (a coach may have published since).
      if (news.changed !== undefined) steady.catalogFollow.refreshCatalog();
      bar.hidden = status.state === 'local'; // no account: the app looks as it always did
      bar.dataset.state = status.state;
      const text = statusWords(status);
      if (words.textContent !== text) words.textContent = text;
      refusedNote.textContent = status.refused ? `· ${status.refused} not saved to your account (see the record) ` : '';
      time.textContent = `· ${lastSynced(status.lastSyncedAt)}`;
      login.hidden = status.state !== 'expired';
    });
    engine.startSync();
  }

  // Whether an account is in use here: read straight from the sync state, so a device without one loads nothing.
  async function accountInUse() {
    const state = await (await steady.db.openDatabase()).get(steady.db.STORES.syncState, 'current');
    return Boolean(state && state.signed_out !== 'logged-out');
  }

  let inUse = Promise.resolve(false);

  /** If an account is in use on this device: load the engine, show the status line and start syncing. */
  function startSyncStatus() {
    inUse = accountInUse().then(async (yes) => {
      if (yes) show(await loadSync());
      return yes;
    });
    return inUse;
  }

  /** Resolves to whether this device syncs with an account (and, if so, once the engine is loaded). */
  function syncInUse() {
    return inUse.catch(() => false);
  }

  /** An account just logged in or signed up here: adopt this device's data, then show the status and sync. */
  async function signedIn(user) {
    const engine = await loadSync();
    await engine.signedIn(user);
    inUse = Promise.resolve(true);
    show(engine);
  }

  steady.syncStatus = { startSyncStatus, syncInUse, loadSync, signedIn, statusWords };
})(globalThis.steady);
