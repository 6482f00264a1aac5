// The studio's calls to /api/coach (COACH_CONTRACT.md): items, their actions, clip uploads and jobs.
// JSON goes through serverApi (CSRF, timeouts, ApiError); an upload has its own request, since a
// phone's video takes longer than the JSON timeout and its progress is worth showing.
(function (steady) {
  'use strict';
  const { ApiError, getJson, sendJson, csrfToken } = steady.serverApi;

  // A 200 MB video over a slow phone connection: give up only when nothing has come back for this long.
  const UPLOAD_TIMEOUT_MS = 20 * 60 * 1000;

  const base = (kind) => `/api/coach/${kind}s`;
  const at = (kind, slug) => `${base(kind)}/${encodeURIComponent(slug)}`;

  /** The summaries of every exercise, routine or program the studio knows. */
  async function listItems(kind) {
    return (await getJson(base(kind)))[`${kind}s`];
  }

  /** One item: {kind, slug, name, built_in, live, draft, built_in_version, retired, history}. */
  function getItem(kind, slug) {
    return getJson(at(kind, slug));
  }

  /** Create a draft (POST) or save one over an existing item (PUT). */
  function saveDraft(kind, slug, body, { create }) {
    return create ? sendJson('POST', base(kind), body) : sendJson('PUT', at(kind, slug), body);
  }

  /** 'publish', 'revert' or 'restore'. */
  function act(kind, slug, action) {
    return sendJson('POST', `${at(kind, slug)}/${action}`);
  }

  /** Retire the item (or remove it for good when nothing refers to it: {deleted: true}). */
  function retire(kind, slug) {
    return sendJson('DELETE', at(kind, slug));
  }

  /** The catalogue runners are served now, indexed: a program is checked against its routines. From the
   * server itself (the worker answers a plain request from its copy, which may be older), and the worker keeps it. */
  async function servedCatalog() {
    return steady.catalogIndex.indexCatalog(await getJson('/api/catalog', { cache: 'no-cache' }));
  }

  /** The studio's latest actions, newest first. */
  async function recentActions() {
    return (await getJson('/api/coach/actions')).actions;
  }

  /** Clip jobs of an exercise, newest first, and what an upload may be: {jobs, limits: {bytes, seconds}}. */
  function jobsFor(slug) {
    return getJson(`/api/coach/jobs?slug=${encodeURIComponent(slug)}`);
  }

  /** One clip job: {id, slug, state, progress, error}. */
  function job(id) {
    return getJson(`/api/coach/jobs/${encodeURIComponent(id)}`);
  }

  /** Upload a video for an exercise; onProgress(fraction) as it goes. Resolves to the queued job. */
  async function uploadClip(slug, file, onProgress) {
    const token = await csrfToken();
    const form = new FormData();
    form.append('file', file, file.name);
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('POST', `/api/coach/clips/${encodeURIComponent(slug)}`);
      request.setRequestHeader('Accept', 'application/json');
      request.setRequestHeader('X-CSRFToken', token);
      request.timeout = UPLOAD_TIMEOUT_MS;
      request.upload.addEventListener('progress', (event) => { if (event.lengthComputable) onProgress(event.loaded / event.total); });
      request.addEventListener('load', () => {
        let data = null;
        try { data = JSON.parse(request.responseText); } catch (error) { data = null; }
        if (request.status >= 200 && request.status < 300 && data && data.job) resolve(data.job);
        else if (request.status === 413) reject(new ApiError(413, 'That file is larger than 200 MB. Trim the clip or record a shorter one.', data));
        else reject(new ApiError(request.status, (data && data.error && data.error.message) || `The server answered ${request.status}; try again in a moment.`, data));
      });
      request.addEventListener('error', () => reject(new ApiError(0, 'No connection.')));
      request.addEventListener('timeout', () => reject(new ApiError(0, 'The server did not answer in time; try again in a moment.', null, { timedOut: true })));
      request.send(form);
    });
  }

  steady.studioApi = { listItems, getItem, saveDraft, act, retire, servedCatalog, recentActions, jobsFor, job, uploadClip };
})(globalThis.steady);
