// Every Steady script hangs its module off one global, so the concatenated
// bundles (page and service worker alike) need no module loader.
globalThis.steady = globalThis.steady || {};
globalThis.steady.rules = globalThis.steady.rules || {}; // the pure rules, twins of server/*/rules/
globalThis.steady.components = globalThis.steady.components || {}; // pieces screens share: js/page/components/
