// The quick log (/log) and editing a past session (/history/<id>/edit): no player needed.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;

  /** Routines the quick log offers: the ready-made ones, then the runner's own; a retired one only
   * to the session already logged with it, so editing that session keeps its routine. */
  function routineChoices(catalog, custom, current) {
    const retired = current && catalog.routine.get(current);
    const ready = retired && retired.retired ? [...catalog.routines, retired] : catalog.routines;
    return [
      ...ready.map((r) => ({ ref: r.slug, name: r.name, routine: r })),
      ...custom.map((r) => ({ ref: r.id, name: `${r.name} (yours)`, routine: r })),
    ];
  }

  async function fill(heading, body, { catalog, params, navigate }) {
    const editing = Boolean(params.id);
    const [settings, custom, existing, levels] = await Promise.all([
      steady.settings.readSettings(), steady.customRoutines.listRoutines(), editing ? steady.sessions.getSession(params.id) : null,
      steady.levels.levelsBySlug(),
    ]);
    if (editing && !existing) {
      heading.textContent = 'Session not found';
      body.replaceChildren(h('p', {}, 'This session is not on this device. It may have been deleted.'), h('p', {}, h('a', { href: '/history' }, 'Back to history')));
      return;
    }
    const draft = existing || {
      id: steady.outbox.newId(), time_zone: steady.settings.sessionTimeZone(settings),
      routine: null, entries: [], effort: null, pain: 'none', notes: '',
    };
    const form = steady.components.sessionForm.sessionForm({
      draft, catalog, settings, mode: 'manual', routineChoices: routineChoices(catalog, custom, existing && existing.routine), levels,
      submitLabel: editing ? 'Save changes' : 'Save session',
      onSave: async (record) => {
        const saved = await steady.sessions.saveSession(record);
        navigate(`/history/${saved.id}`);
        announce(editing ? 'Changes saved.' : 'Session saved to your history.');
      },
    });
    body.replaceChildren(...[
      h('p', { class: 'lead' }, editing
        ? 'Correct anything that is not right. Changes are kept on this device.'
        : 'A session or a single exercise, done without the player. Add each exercise with its sets.'),
      form.node,
      editing ? h('p', {}, h('a', { href: `/history/${params.id}` }, 'Cancel and go back')) : null].filter(Boolean));
  }

  /** The quick log, or the edit form when the URL names a session. */
  function sessionLog(context) {
    const title = context.params.id ? 'Edit session' : 'Log a session';
    return steady.components.devicePage(context, { title, className: 'log', failure: 'Could not open the log', fill });
  }

  steady.views.sessionLog = sessionLog;
})(globalThis.steady);
