// An exercise's demonstration clip in the studio: the one runners see now, and a new one from the
// coach's phone (recorded or chosen), uploaded, then converted on the server while this shows
// the job's progress, and any failure in words. The old clip stays until a new one is ready.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  const { ApiError } = steady.serverApi;
  const api = steady.studioApi;
  const POLL_MS = 1000;

  const STATES = { queued: 'Waiting to be converted…', running: 'Converting…', done: 'The new clip is ready.', failed: 'The clip could not be used.' };

  const megabytes = (bytes) => `${Math.round(bytes / 1024 / 1024)} MB`;
  // Until the server has said what an upload may be, the hint names the formats alone.
  // (No template inside a template: the minifier would squeeze the inner one's spaces.)
  const hintText = (limits) => 'MP4, MOV or WebM' + (limits ? ', up to ' + megabytes(limits.bytes) + ' and ' + limits.seconds + ' seconds long' : '')
    + '. The server converts it to the same format as every clip; the old one stays until the new one is ready.';

  /** How long the video `file` plays, read by the browser; null if it cannot tell (the server still checks). */
  function videoSeconds(file) {
    return new Promise((resolve) => {
      const video = document.createElement('video');
      const url = URL.createObjectURL(file);
      const done = (seconds) => { clearTimeout(waiting); URL.revokeObjectURL(url); resolve(seconds); };
      const waiting = setTimeout(() => done(null), 5000);
      video.preload = 'metadata';
      video.onloadedmetadata = () => done(Number.isFinite(video.duration) ? video.duration : null);
      video.onerror = () => done(null);
      video.src = url;
    });
  }

  function percent(fraction) {
    return `${Math.round(Math.min(1, Math.max(0, fraction)) * 100)}%`;
  }

  /** The clip runners see now (from the live card, or the built-in one). */
  function currentClip(item) {
    const card = item.live || item.built_in_version;
    const video = card && card.video;
    if (!video) return h('p', { class: 'hint' }, 'No clip yet: the card says its demonstration is coming.');
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const player = h('video', {
      class: 'clip-video', src: video.src, poster: video.poster, width: video.width, height: video.height,
      muted: true, loop: true, playsinline: true, controls: true, autoplay: !still, preload: still ? 'metadata' : 'auto',
      'aria-label': `Current demonstration of ${item.name}`, 'data-origin': video.origin,
    });
    player.muted = true; // the property, not just the attribute, is what autoplay policies check
    return h('figure', { class: 'clip' },
      h('div', { class: 'clip-frame' }, player),
      h('figcaption', {}, video.origin === 'coach' ? 'Uploaded by a coach.' : 'The built-in demonstration.'));
  }

  /** The clip section for `item`; `changed()` re-reads the item (resolving to it) once a new clip is attached. */
  function clipPanel(item, changed) {
    const current = h('div', {}, currentClip(item));
    const bar = h('progress', { max: 1, value: 0, 'aria-labelledby': 'clip-progress-words', hidden: true });
    const words = h('p', { id: 'clip-progress-words', class: 'clip-progress-words', role: 'status' });
    const failure = h('p', { class: 'form-error', role: 'alert', tabindex: '-1', hidden: true });
    const record = h('input', { id: 'clip-record', type: 'file', accept: 'video/*', capture: 'environment', class: 'studio-file' });
    const choose = h('input', { id: 'clip-choose', type: 'file', accept: 'video/mp4,video/quicktime,video/webm,video/*', class: 'studio-file' });
    const hint = h('p', { class: 'hint' }, hintText(null));
    let polling = null;
    let limits = null; // the server's, once the job list has come

    function progress(fraction, text) {
      bar.hidden = fraction === null;
      if (fraction === null) bar.removeAttribute('value');
      else bar.value = fraction;
      words.textContent = text;
    }

    function fail(text) {
      progress(null, '');
      failure.textContent = text;
      failure.hidden = false;
      failure.focus();
    }

    async function follow(job) {
      clearTimeout(polling);
      if (job.state === 'done') {
        progress(null, STATES.done);
        announce(STATES.done);
        const fresh = await changed().catch(() => null); // offline now: the next visit shows the new clip
        if (fresh) current.replaceChildren(currentClip(fresh));
        return;
      }
      if (job.state === 'failed') {
        fail(`${STATES.failed} ${job.error || 'The server gave no reason.'} The old clip stays.`);
        return;
      }
      progress(job.progress ?? null, job.progress === null || job.progress === undefined ? STATES[job.state] : `${STATES[job.state]} ${percent(job.progress)}`);
      polling = setTimeout(async () => {
        if (!node.isConnected) return;
        try {
          follow(await api.job(job.id));
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          if (error.offline || error.timedOut) {
            words.textContent = 'Offline: the conversion goes on at the server. Checking again in a moment…';
            polling = setTimeout(() => follow(job), POLL_MS * 5);
          } else fail(error.message);
        }
      }, POLL_MS);
    }

    async function upload(input) {
      const file = input.files && input.files[0];
      input.value = '';
      if (!file) return;
      failure.hidden = true;
      // Too long is said before minutes of uploading, not after; a video the browser cannot read goes up for the server to judge.
      if (limits) progress(null, `Reading ${file.name}…`);
      const seconds = limits ? await videoSeconds(file) : null;
      const tooLong = seconds === null ? null : steady.rules.clipLength.clipLengthProblem(seconds, limits.seconds);
      if (tooLong) {
        fail(tooLong);
        return;
      }
      progress(0, `Uploading ${file.name}… 0%`);
      try {
        const job = await api.uploadClip(item.slug, file, (fraction) => progress(fraction, `Uploading ${file.name}… ${percent(fraction)}`));
        follow(job);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        fail(error.offline || error.timedOut
          ? 'Uploading needs a connection, and this device is offline or the server did not answer. Choose the video again once you are online.'
          : error.message);
      }
    }
    record.addEventListener('change', () => upload(record));
    choose.addEventListener('change', () => upload(choose));

    const node = h('section', { class: 'studio-section studio-clip', 'aria-labelledby': 'studio-clip' },
      h('h2', { id: 'studio-clip' }, 'Demonstration clip'),
      current,
      hint,
      h('div', { class: 'studio-uploads' },
        record, h('label', { class: 'button button-quiet studio-file-label', for: record.id }, 'Record a clip'),
        choose, h('label', { class: 'button button-quiet studio-file-label', for: choose.id }, 'Choose a video')),
      bar, words, failure);

    // A conversion started earlier (on this or another device) is shown where it has got to.
    api.jobsFor(item.slug).then((answer) => {
      limits = answer.limits;
      hint.textContent = hintText(limits);
      const latest = answer.jobs[0];
      if (latest && (latest.state === 'queued' || latest.state === 'running')) follow(latest);
    }).catch(() => undefined);
    return node;
  }

  steady.components.clipPanel = clipPanel;
})(globalThis.steady);
