// The server's JSON API for accounts. Every state-changing request carries a CSRF token
// fetched just before it is sent: a token kept from earlier (or queued while offline) may
// have expired, or belong to a session that a login has since replaced.
(function (steady) {
  'use strict';

  /** A request the server refused (status, its message and its JSON body), or could not reach (status 0, offline). */
  class ApiError extends Error {
    constructor(status, message, body = null) {
      super(message);
      this.name = 'ApiError';
      this.status = status;
      this.offline = status === 0;
      this.body = body;
    }
  }

  async function send(method, path, headers, body) {
    try {
      return await fetch(path, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
    } catch (error) {
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

  /** GET a JSON resource; throws ApiError. */
  async function getJson(path) {
    return answer(await send('GET', path, { Accept: 'application/json' }));
  }

  /** Send a JSON body with a fresh CSRF token (POST, DELETE…); throws ApiError. */
  async function sendJson(method, path, body = {}) {
    const headers = { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRFToken': await csrfToken() };
    return answer(await send(method, path, headers, JSON.stringify(body)));
  }

  steady.serverApi = { ApiError, csrfToken, getJson, sendJson };
})(globalThis.steady);
