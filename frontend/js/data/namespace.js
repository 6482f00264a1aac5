// Every Steady script hangs its module off one global, so the concatenated bundles (page and
// service worker alike) need no module loader. The groups that several files add to are
// created here and nowhere else; every other namespace is created by the one file that
// defines it (tests/browser/test_bundle_order.py checks both, and the order of the bundles).
globalThis.steady = globalThis.steady || {};
Object.assign(globalThis.steady, {
  rules: {}, // the pure rules, twins of server/<domain>/rules/: js/rules/<rule>.js
  labels: {}, // human words, by domain: js/page/labels/<domain>.js
  components: {}, // pieces several screens share: js/page/components/
  views: {}, // one screen each: js/page/views/, js/page/player/view.js
  coachForms: {}, // the studio's form pieces (the coach screen bundle): js/page/coach/
});
