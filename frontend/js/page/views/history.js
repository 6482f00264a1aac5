// Past sessions (/history), newest first, with the export of everything on the device and the import of an export.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const L = steady.labels.training;

  function sessionItem(session, catalog, custom) {
    const facts = [`${session.entries.length} set${session.entries.length === 1 ? '' : 's'}`];
    if (session.effort) facts.push(`effort ${session.effort}/10`);
    if (session.pain !== 'none') facts.push(`pain: ${L.PAIN[session.pain].toLowerCase()}`);
    return h('li', {},
      h('a', { class: 'card', href: `/history/${session.id}` },
        h('span', { class: 'card-title' }, L.sessionTitle(session, catalog, custom)),
        h('span', { class: 'card-meta' }, `${L.sessionWhen(session)} · ${L.sessionLength(session)}`),
        h('span', { class: 'card-text' }, facts.join(' · '))));
  }

  async function fillList(list, { catalog }) {
    const [sessions, custom] = await Promise.all([steady.sessions.listSessions(), steady.customRoutines.routinesById()]);
    list.replaceChildren(...(sessions.length
      ? sessions.map((s) => sessionItem(s, catalog, custom))
      : [h('li', { class: 'empty' }, 'No sessions yet. Start a routine, or log one you did without the player.')]));
  }

  /** Every session on the device, newest first, and the export and import controls. */
  function historyList(context) {
    const list = h('ul', { class: 'card-list session-list' }, h('li', { class: 'status-message' }, 'Loading…'));
    const node = h('div', { class: 'page history' },
      h('div', { class: 'page-head' },
        h('h1', {}, 'History'),
        h('a', { class: 'head-link', href: '/settings' }, 'Settings')),
      h('p', { class: 'button-row' }, h('a', { class: 'button', href: '/log' }, 'Log a session'), h('a', { class: 'button button-quiet', href: '/routines' }, 'Start a routine')),
      list,
      h('section', { 'aria-labelledby': 'history-export' },
        h('h2', { id: 'history-export' }, 'Your data'),
        h('p', {}, 'Everything logged on this device, with or without an account: JSON for a full copy, CSV for a spreadsheet.'),
        steady.components.exportControl.exportControls(),
        steady.components.importControl.importControl({ id: 'history-import', done: () => fillList(list, context) })));
    fillList(list, context).catch((error) => list.replaceChildren(h('li', { role: 'alert' }, `Could not read your history: ${error.message}`)));
    return { title: 'History', node };
  }

  steady.views.historyList = historyList;
})(globalThis.steady);
