// The ids every device computes for records that exist once per account (settings) or once per
// exercise (levels) or program (enrolments): a UUIDv5 of the name in the account's namespace, as server/sync/protocol.py
// computes them (tests/vectors/record_ids.json holds both to it). Pure and synchronous, so the
// page and the worker get the same id without waiting on crypto.subtle.
(function (steady) {
  'use strict';

  function rotate(x, n) {
    return (x << n) | (x >>> (32 - n));
  }

  // SHA-1 (FIPS 180-4) over bytes: UUIDv5 is defined on it; nothing here relies on it for secrecy.
  function sha1(bytes) {
    const length = bytes.length;
    const padded = new Uint8Array((((length + 8) >> 6) + 1) << 6);
    padded.set(bytes);
    padded[length] = 0x80;
    new DataView(padded.buffer).setUint32(padded.length - 4, length * 8);
    const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
    const w = new Array(80);
    const view = new DataView(padded.buffer);
    for (let block = 0; block < padded.length; block += 64) {
      for (let i = 0; i < 16; i += 1) w[i] = view.getUint32(block + i * 4);
      for (let i = 16; i < 80; i += 1) w[i] = rotate(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
      let [a, b, c, d, e] = h;
      for (let i = 0; i < 80; i += 1) {
        const [f, k] = i < 20 ? [(b & c) | (~b & d), 0x5a827999] : i < 40 ? [b ^ c ^ d, 0x6ed9eba1]
          : i < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc] : [b ^ c ^ d, 0xca62c1d6];
        const t = (rotate(a, 5) + f + e + k + w[i]) | 0;
        [e, d, c, b, a] = [d, c, rotate(b, 30), a, t];
      }
      [a, b, c, d, e].forEach((x, i) => { h[i] = (h[i] + x) | 0; });
    }
    const out = new Uint8Array(20);
    h.forEach((x, i) => new DataView(out.buffer).setUint32(i * 4, x));
    return out;
  }

  /** The UUIDv5 of `name` in the namespace `namespace` (a UUID string), as lower-case text. */
  function deterministicId(namespace, name) {
    const space = namespace.replace(/-/g, '').match(/../g).map((x) => parseInt(x, 16));
    const digest = sha1(new Uint8Array([...space, ...new TextEncoder().encode(name)])).slice(0, 16);
    digest[6] = (digest[6] & 0x0f) | 0x50;
    digest[8] = (digest[8] & 0x3f) | 0x80;
    const hex = [...digest].map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** The id of the account's one settings record. */
  function settingsId(userId) {
    return deterministicId(userId, 'settings');
  }

  /** The id of the account's level on one exercise. */
  function levelId(userId, exerciseSlug) {
    return deterministicId(userId, `level:${exerciseSlug}`);
  }

  /** The id of the account's enrolment in one program. */
  function enrolmentId(userId, programSlug) {
    return deterministicId(userId, `enrolment:${programSlug}`);
  }

  steady.rules.recordIds = { deterministicId, settingsId, levelId, enrolmentId };
})(globalThis.steady);
