// What a card or routine says when the catalogue no longer offers it, or has no clip for it yet.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const RETIRED = 'No longer in the catalogue';
  const COMING = 'The demonstration is coming. Until then, the steps below show how it is done.';

  const KEPT = 'It stays here because your history or your own routines name it; the lists no longer offer it.';

  /** The line on a retired exercise, routine or program (still shown, since the runner's records name it); null otherwise. */
  function retiredNote(item, why = KEPT) {
    if (!item || !item.retired) return null;
    return h('p', { class: 'retired-note' }, h('strong', {}, `${RETIRED}. `), why);
  }

  /** The frame a clip would fill, saying the demonstration is coming, for an exercise published before its clip. */
  function clipComing() {
    return h('figure', { class: 'clip clip-coming' }, h('p', {}, COMING));
  }

  steady.components.catalogueNotes = { retiredNote, clipComing, RETIRED, COMING };
})(globalThis.steady);
