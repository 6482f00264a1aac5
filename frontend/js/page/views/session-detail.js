// One past session (/history/<id>): when, how it went, each set, and edit or delete.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  const L = steady.labels.training;

  function entryGroup(group, catalog, units) {
    const conditions = L.conditionsText(group.conditions, units);
    return h('li', { class: 'card session-group' },
      h('h3', {}, L.exerciseName(group.exercise, catalog)),
      h('ul', { class: 'bouts' }, group.bouts.map((b) => h('li', {}, h('span', { class: 'bout-side' }, L.SIDES[b.side]), ' ', L.boutText(b)))),
      conditions ? h('p', { class: 'card-meta' }, conditions) : null);
  }

  async function fillDetail(heading, body, { catalog, params, navigate }) {
    const [session, custom, settings] = await Promise.all([
      steady.sessions.getSession(params.id), steady.customRoutines.routinesById(), steady.settings.readSettings(),
    ]);
    if (!session) {
      heading.textContent = 'Session not found';
      body.replaceChildren(h('p', {}, 'This session is not on this device. It may have been deleted.'), h('p', {}, h('a', { href: '/history' }, 'Back to history')));
      return;
    }
    const title = L.sessionTitle(session, catalog, custom);
    heading.textContent = title;
    document.title = `${title} · Steady`;
    const routineLink = session.routine && catalog.routine.get(session.routine)
      ? h('a', { href: `/routines/${session.routine}` }, L.routineName(session.routine, catalog, custom)) : L.routineName(session.routine, catalog, custom);
    const facts = [
      ['When', `${L.sessionWhen(session)} (${session.time_zone})`],
      ['Length', L.sessionLength(session)],
      routineLink ? ['Routine', routineLink] : null,
      ['Effort', session.effort ? `${session.effort} out of 10` : 'Not noted'],
      ['Pain', L.PAIN[session.pain]],
      session.notes ? ['Notes', session.notes] : null,
    ].filter(Boolean);
    const fieldNames = { notes: 'Notes', effort: 'Effort', pain: 'Pain', entries: 'Sets', local_date: 'Date', routine: 'Routine' };
    body.replaceChildren(
      steady.components.syncNotes('session', session, {
        save: (field, value) => steady.sessions.saveSession({ ...session, [field]: value }), label: (field) => fieldNames[field] || field, done: () => navigate(location.pathname, { replace: true }),
      }),
      h('dl', { class: 'facts' }, facts.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
      h('section', { 'aria-labelledby': 'session-sets' },
        h('h2', { id: 'session-sets' }, 'Sets'),
        h('ul', { class: 'card-list' }, steady.components.sessionForm.groupEntries(session.entries).map((g) => entryGroup(g, catalog, settings.units)))),
      h('div', { class: 'button-row actions' },
        h('a', { class: 'button', href: `/history/${session.id}/edit` }, 'Edit'),
        steady.components.inlineConfirm({
          label: 'Delete',
          question: 'Delete this session for good? It is removed from this device.',
          confirmLabel: 'Delete session',
          onConfirm: async () => {
            await steady.sessions.deleteSession(session.id);
            navigate('/history');
            announce('Session deleted.');
          },
        })),
      h('p', {}, h('a', { href: '/history' }, 'All sessions')));
  }

  /** One session: when, how it went, each set, and edit or delete. */
  function sessionDetail(context) {
    return steady.components.devicePage(context, {
      title: 'Session', tag: 'article', className: 'session-detail', failure: 'Could not read this session', fill: fillDetail,
    });
  }

  steady.views.sessionDetail = sessionDetail;
})(globalThis.steady);
