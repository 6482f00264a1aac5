// The server's JSON API for accounts. Every state-changing request carries a CSRF token
// fetched just before it is sent: a token kept from earlier (or queued while offline) may
// have expired, or belong to a session that a login has since replaced.
(function (steady) {
  'use strict';

  // Lie-fi: a connection that takes a request and never answers would hold a sync (and the
  // runner's "Log in" button) forever, so every request gives up after this long.
  const TIMEOUT_MS = 30 * 1000;

  /** A request the server refused (status, its message and its JSON body), or got no answer to
   * (status 0: offline, or `timedOut` when the network took it and nothing came back in time). */
  class ApiError extends Error {
    constructor(status, message, body = null, { timedOut = false } = {}) {
      super(message);
      this.name = 'ApiError';
      this.status = status;
      this.timedOut = timedOut;
      this.offline = status === 0 && !timedOut;
      this.body = body;
    }
  }

  async function send(method, path, headers, body, cache = 'no-store') {
    try {
      return await fetch(path, {
        method, headers, body, credentials: 'same-origin', cache, signal: AbortSignal.timeout(steady.serverApi.timeoutMs),
      });
    } catch (error) {
      if (error.name === 'TimeoutError') throw new ApiError(0, 'The server did not answer in time; try again in a moment.', null, { timedOut: true });
      throw new ApiError(0, 'No connection.'); // fetch rejects only when the network did not answer
    }
  }

  async function answer(response) {
    if (response.status === 204) return null;
    const data = await response.json().catch(() => null);
    if (response.ok) return data;
    const message = data && data.error && data.error.message;
    throw new ApiError(response.status, message || `The server answered ${response.status}; try again in a moment.`, data);
  }

  /** A fresh CSRF token for this session. */
  async function csrfToken() {
    return (await answer(await send('GET', '/api/auth/csrf', { Accept: 'application/json' }))).csrf_token;
  }

  /** GET a JSON resource; throws ApiError. `cache: 'no-cache'` asks the server through the worker, which keeps what it gets (the catalogue). */
  async function getJson(path, { cache } = {}) {
    return answer(await send('GET', path, { Accept: 'application/json' }, undefined, cache));
  }

  /** Send a JSON body with a fresh CSRF token (POST, DELETE…); throws ApiError. */
  async function sendJson(method, path, body = {}) {
    const headers = { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRFToken': await csrfToken() };
    return answer(await send(method, path, headers, JSON.stringify(body)));
  }

  // timeoutMs is read at each request, so a test can shorten it on a live page.
  steady.serverApi = { ApiError, csrfToken, getJson, sendJson, timeoutMs: TIMEOUT_MS };
})(globalThis.steady);
