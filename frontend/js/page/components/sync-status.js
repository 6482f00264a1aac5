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
    return `Last synced ${sameDay ? time : `${at.toLocaleDateString([], { day: 'numeric', month: 'short' })}, ${time}`}`;
  }

  /** Show the sync status under the top bar and start syncing. */
  function startSyncStatus() {
    const words = h('span', { role: 'status', class: 'sync-words' });
    const time = h('span', { class: 'sync-time' });
    const login = h('a', { href: '/login', hidden: true }, 'Log in');
    const bar = h('section', { class: 'sync-status', id: 'sync-status', 'aria-label': 'Sync', hidden: true }, words, ' ', time, ' ', login);
    document.getElementById('main').before(bar);
    steady.syncEngine.watchSync((status) => {
      bar.hidden = status.state === 'local'; // no account: the app looks as it always did
      bar.dataset.state = status.state;
      const text = statusWords(status);
      if (words.textContent !== text) words.textContent = text;
      const refused = status.refused ? `· ${status.refused} not saved to your account (see the record) ` : '';
      time.textContent = `${refused}· ${lastSynced(status.lastSyncedAt)}`;
      login.hidden = status.state !== 'expired';
    });
    return steady.syncEngine.startSync();
  }

  steady.syncStatus = { startSyncStatus, statusWords };
})(globalThis.steady);
