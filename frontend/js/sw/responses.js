// What the worker may store, and answering a Range request from a stored full response.
(function (steady) {
  'use strict';

  /** Only complete, same-origin, successful, non-redirected responses are ever stored. */
  function isStorable(response) {
    return Boolean(response) && response.status === 200 && response.type === 'basic' && !response.redirected;
  }

  /** Parse "bytes=a-b", "bytes=a-" or "bytes=-n" against a size; null when unsatisfiable. */
  function parseRange(header, size) {
    const match = /^bytes=(\d*)-(\d*)$/.exec((header || '').trim());
    if (!match || (match[1] === '' && match[2] === '')) return null;
    let start;
    let end;
    if (match[1] === '') {
      const suffix = Number(match[2]);
      if (suffix === 0) return null;
      start = Math.max(0, size - suffix);
      end = size - 1;
    } else {
      start = Number(match[1]);
      end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
    }
    if (start >= size || start > end) return null;
    return { start, end };
  }

  /** A 206 (or 416) for a Range request, cut from a stored full 200 response. */
  async function rangeResponse(full, header) {
    const blob = await full.blob();
    const range = parseRange(header, blob.size);
    const type = full.headers.get('Content-Type') || 'application/octet-stream';
    if (!range) {
      return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${blob.size}` } });
    }
    const part = blob.slice(range.start, range.end + 1, type);
    return new Response(part, {
      status: 206,
      statusText: 'Partial Content',
      headers: {
        'Content-Type': type,
        'Content-Length': String(part.size),
        'Content-Range': `bytes ${range.start}-${range.end}/${blob.size}`,
        'Accept-Ranges': 'bytes',
      },
    });
  }

  steady.swResponses = { isStorable, parseRange, rangeResponse };
})(globalThis.steady);
