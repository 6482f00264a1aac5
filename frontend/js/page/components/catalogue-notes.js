// What a card or routine says when the catalogue no longer offers it, or has no clip for it yet.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const RETIRED = 'No longer in the catalogue';
  const COMING = 'The demonstration is coming. Until then, the steps below show how it is done.';

  /** The line on a retired exercise or routine (still shown, since the runner's history names it); null otherwise. */
  function retiredNote(item) {
    if (!item || !item.retired) return null;
    return h('p', { class: 'retired-note' }, h('strong', {}, `${RETIRED}. `),
      'It stays here because your history or your own routines name it; the lists no longer offer it.');
  }

  /** The frame a clip would fill, saying the demonstration is coming, for an exercise published before its clip. */
  function clipComing() {
    return h('figure', { class: 'clip clip-coming' }, h('p', {}, COMING));
  }

  steady.components.catalogueNotes = { retiredNote, clipComing, RETIRED, COMING };
})(globalThis.steady);
