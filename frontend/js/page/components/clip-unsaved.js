// Offline, a clip that was never saved cannot play. When a catalogue update replaced the clip and
// the new one is not saved yet, the old one the device still holds plays instead; otherwise its
// poster (the worker keeps every poster) and a line saying so stand in for a player that would only spin.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const MESSAGE = 'Clip not saved — connect to download it';

  async function isUnsaved(src) {
    if (navigator.onLine || !('caches' in window)) return false;
    const cache = await caches.open(steady.cacheNames.media);
    return !(await cache.match(src));
  }

  function playHeld(video, held) {
    video.setAttribute('poster', held.poster);
    video.dataset.origin = held.origin;
    video.dataset.held = 'true'; // the clip from before the update: tests and support read it here
    video.src = held.src;
    if (video.autoplay) video.play().catch(() => undefined);
  }

  /** Swap the video for the old clip of exercise `slug` it replaced, or else its poster and the message,
   * when it cannot load: offline and not saved. */
  function standInWhenUnsaved(video, clip, slug) {
    const swap = async () => {
      if (video.dataset.held || !(await isUnsaved(clip.src).catch(() => false))) return;
      const frame = video.parentNode;
      if (!frame) return; // already swapped, or the screen moved on
      const held = slug ? await steady.downloadRefresh.heldClipFor(slug, clip.src).catch(() => null) : null;
      if (held) {
        playHeld(video, held);
        return;
      }
      if (!video.parentNode) return;
      video.removeAttribute('src'); // stop the doomed fetch
      frame.replaceChildren(
        h('img', { class: 'clip-still', src: clip.poster, alt: '', width: clip.width, height: clip.height, 'data-origin': clip.origin }),
        h('p', { class: 'clip-unsaved' }, MESSAGE));
    };
    video.addEventListener('error', swap); // the connection dropped after the page was drawn
    queueMicrotask(swap); // the caller attaches the video first
    return video;
  }

  steady.components.clipUnsaved = { standInWhenUnsaved, MESSAGE };
})(globalThis.steady);
