// How the space that saved clips take is written.
(function (steady) {
  'use strict';

  /** "1.2 MB", "840 KB". */
  function formatBytes(bytes) {
    if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
    if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
    return `${Math.max(1, Math.round(bytes / 1e3))} KB`;
  }

  steady.labels.storage = { formatBytes };
})(globalThis.steady);
