// How long a coach's footage may be. Pure. server/coach/rules/clip_length.py is the same rule in
// Python (the upload's own check); tests/vectors/clip_length.json is the one set of cases both must pass.
(function (steady) {
  'use strict';

  /** What to tell a coach whose footage is `seconds` long when a clip may be `longest`; null when it may be used. */
  function clipLengthProblem(seconds, longest) {
    if (seconds <= longest) return null;
    // Rounded up, so footage a moment over the limit is never said to be exactly at it.
    return `This video is ${Math.ceil(seconds)} seconds long; a clip may be at most ${longest} seconds.`
      + ' Trim it to the movement itself and upload it again.';
  }

  steady.rules.clipLength = { clipLengthProblem };
})(globalThis.steady);
