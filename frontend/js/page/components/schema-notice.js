// What the page says when another tab changes the database under it: a newer Steady took over
// (reload to continue), or this tab's update waits for an older tab to close.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;

  const TEXT = {
    superseded: 'Steady was updated in another tab — reload to continue.',
    blocked: 'Steady is updating. Close Steady in your other tabs (or reload them) to continue.',
  };

  function show(state) {
    const old = document.getElementById('schema-banner');
    if (old) old.remove();
    const text = TEXT[state];
    if (!text) return; // 'ready': the other tab let go, and this one carries on by itself
    const banner = h('div', { id: 'schema-banner', class: 'banner banner-top', role: 'alert' },
      h('p', {}, text),
      state === 'superseded'
        ? h('button', { type: 'button', class: 'button', onclick: () => location.reload() }, 'Reload')
        : null);
    document.querySelector('.top-bar').after(banner);
    // Never leave the screen saying "Loading…" while the database waits on another tab.
    const loading = document.querySelector('#main > .status-message');
    if (loading) loading.textContent = text;
    announce(text);
  }

  /** Show the right banner whenever the database's state changes. */
  function watchSchemaNotice() {
    steady.db.watchSchema(show);
  }

  steady.schemaNotice = { watchSchemaNotice };
})(globalThis.steady);
