// When to sync: on load, back online, when the page is shown or hidden, after each write, every
// few minutes while open, and from the worker through Background Sync. One flush at a time across
// tabs and the worker (Web Locks). Without an account nothing is sent; no answer ever clears data.
(function (steady) {
  'use strict';
  const { ApiError, sendJson } = steady.serverApi;
  const { readSyncState, adoptDevice, stopSending, replaceClient, clearDevice, UnsavedChanges } = steady.syncAccount;
  const { nextBatch, acknowledge, renumber, outboxCounts } = steady.syncPush;
  const { applyPage } = steady.syncPull;
  const LOCK = 'steady-sync';
  const TAG = 'steady-sync'; // the Background Sync tag the worker flushes on
  const PAGE = 200;
  const EVERY = 3 * 60 * 1000;
  const listeners = new Set();
  const channel = 'BroadcastChannel' in globalThis ? new BroadcastChannel('steady-sync') : null;
  let outcome = 'saved'; // how the last flush on this page or worker went: 'saved', 'offline' or 'failed'
  let running = null;
  let again = false;
  let replaced = false; // this flush has started a new client already

  const post = (path, body) => sendJson('POST', path, { protocol: 1, ...body });

  async function pushAll(clientId) {
    let renumbered = false;
    for (let batch = await nextBatch(); batch.length; batch = await nextBatch()) {
      try {
        const answer = await post('/api/sync/push', { client_id: clientId, mutations: batch });
        await acknowledge(answer);
        if (answer.last_mutation_id < batch[batch.length - 1].id) throw new ApiError(500, 'The server took only part of a push.');
      } catch (error) {
        const expected = error instanceof ApiError && error.status === 409 && error.body && error.body.expected;
        if (!expected || renumbered) throw error;
        renumbered = true; // once a flush: a second gap is a server fault, retried later
        await renumber(expected);
      }
    }
  }

  async function pullAll(clientId) {
    let changed = 0;
    for (let more = true; more;) {
      const page = await post('/api/sync/pull', { client_id: clientId, cursor: (await readSyncState()).cursor, limit: PAGE });
      changed += await applyPage(page);
      more = page.more;
    }
    return changed;
  }

  async function syncOnce() {
    const state = await readSyncState();
    if (!state || state.signed_out) return 0;
    try {
      // A first sync takes the account's records first, so this device's edits are sent on top of them.
      let changed = state.cursor === null ? await pullAll(state.client_id) : 0;
      await pushAll(state.client_id);
      changed += await pullAll(state.client_id);
      const db = await steady.db.openDatabase();
      await db.put(steady.db.STORES.syncState, { ...(await readSyncState()), last_synced_at: new Date().toISOString() });
      outcome = 'saved';
      return changed;
    } catch (error) {
      if (!(error instanceof ApiError)) {
        // The database went away (another tab upgraded it, storage was cleared): nothing was lost; try again later.
        console.warn('Sync could not finish:', error);
        outcome = 'failed';
        return 0;
      }
      if (error.status === 401) await stopSending('expired');
      else if (error.status === 403 && error.body && error.body.error && error.body.error.field === 'client_id') {
        await replaceClient();
        // The changes still wait: send them under the new id in this same flush, but only once, should the server refuse that one too.
        if (!replaced) again = true;
        replaced = true;
      }
      else outcome = error.offline ? 'offline' : 'failed';
      return 0;
    }
  }

  // Flushes, logins and logouts change the sync state one at a time, across tabs and the worker.
  const underLock = (work) => (globalThis.navigator && navigator.locks ? navigator.locks.request(LOCK, work) : work());

  /** Send this device's changes and fetch the account's; resolves to the outcome ('saved', 'offline', 'failed'). */
  function flush() {
    if (running) {
      again = true;
      return running;
    }
    const locked = () => underLock(syncOnce);
    running = (async () => {
      let changed = 0;
      replaced = false;
      do {
        again = false;
        changed += await locked();
        if (again) continue;
        // A flush asked for while the listeners hear of this one still runs: it may follow a change they just made.
        await tell({ changed });
        changed = 0;
      } while (again);
      return outcome;
    })().finally(() => { running = null; });
    return running;
  }

  /** What the status line shows: {state: 'local'|'expired'|'saved'|'waiting'|'offline'|'failed', waiting, refused, lastSyncedAt}. */
  async function readStatus() {
    const state = await readSyncState();
    const counts = await outboxCounts();
    const { waiting } = counts;
    const base = { ...counts, lastSyncedAt: state && state.last_synced_at };
    if (!state || state.signed_out === 'logged-out') return { ...base, state: 'local' };
    if (state.signed_out) return { ...base, state: 'expired' };
    if (outcome !== 'saved' || !navigator.onLine) return { ...base, state: navigator.onLine ? outcome : 'offline' };
    return { ...base, state: waiting ? 'waiting' : 'saved' };
  }

  async function tell(news) {
    const status = await readStatus();
    for (const listener of listeners) listener(status, news);
    if (news.changed !== undefined && channel) channel.postMessage({ outcome, changed: news.changed });
  }

  /** Hear the sync status now and whenever it changes (with {changed} after a pull); returns a function that stops listening. */
  function watchSync(listener) {
    listeners.add(listener);
    readStatus().then((status) => listener(status, {}));
    return () => listeners.delete(listener);
  }

  /** The account `user` ({id}) just logged in or signed up here: adopt this device's data and start syncing it. */
  async function signedIn(user) {
    await underLock(() => adoptDevice(user));
    outcome = 'saved';
    flush().then(retryLater);
  }

  /** This device logged out: stop sending, and with `clear` remove the account's records (throws UnsavedChanges if any are unsaved). */
  async function signedOut({ clear }) {
    await underLock(() => (clear ? clearDevice() : stopSending('logged-out')));
    await tell({});
  }

  let retryIn = 15 * 1000;
  let timer = null;
  // After a failure: try again later, and ask the browser to flush from the worker once online, even with no page open.
  function retryLater(result) {
    clearTimeout(timer);
    if (result === 'saved') {
      retryIn = 15 * 1000;
      return;
    }
    timer = setTimeout(() => flush().then(retryLater), retryIn);
    retryIn = Math.min(retryIn * 2, EVERY);
    if (navigator.serviceWorker) {
      navigator.serviceWorker.ready.then((registration) => registration.sync && registration.sync.register(TAG)).catch(() => undefined);
    }
  }

  /** On a page: flush on load, back online, on visibility changes, after each write and every few minutes. */
  function startSync() {
    let soon = null;
    const flushNow = () => flush().then(retryLater);
    window.addEventListener('online', flushNow);
    window.addEventListener('offline', () => tell({}));
    document.addEventListener('visibilitychange', flushNow);
    steady.outbox.watchChanges(() => {
      tell({});
      clearTimeout(soon);
      soon = setTimeout(flushNow, 300); // a burst of writes goes in one push
    });
    if (channel) channel.onmessage = (event) => { outcome = event.data.outcome; tell({ changed: event.data.changed }); };
    setInterval(flushNow, EVERY);
    return flushNow();
  }

  steady.syncEngine = { TAG, flush, startSync, watchSync, signedIn, signedOut, readStatus, UnsavedChanges };
})(globalThis.steady);
