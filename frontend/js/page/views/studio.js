// The studio's front page (/coach): every exercise, routine and program with its state, the way to
// a new one, and what coaches did lately. Online only: offline it says so, and it never caches a list.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const { itemStates, actionText, KINDS } = steady.labels.coach;
  const { ApiError } = steady.serverApi;
  const api = steady.studioApi;

  function itemList(kind, items) {
    const shown = [...items].sort((a, b) => Number(a.retired) - Number(b.retired) || a.name.localeCompare(b.name));
    return h('ul', { class: 'card-list studio-items', id: `studio-${kind}s` }, shown.map((item) => h('li', {},
      h('a', { class: 'card', href: `/coach/${kind}s/${item.slug}`, 'data-slug': item.slug },
        h('span', { class: 'card-title' }, item.name),
        h('span', { class: 'card-meta' }, itemStates(item).join(' · '))))));
  }

  function activity(actions) {
    if (!actions.length) return h('p', { class: 'hint' }, 'No coach has changed anything yet.');
    return h('ol', { class: 'studio-history' }, actions.slice(0, 5).map((a) => h('li', {},
      h('a', { href: `/coach/${a.kind}s/${a.slug}` }, `${KINDS[a.kind] || a.kind} ${a.slug}`), ': ', actionText(a))));
  }

  function section(id, title, ...children) {
    return h('section', { class: 'studio-section', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
  }

  async function fill(body) {
    body.replaceChildren(h('p', { class: 'status-message', role: 'status' }, 'Loading…'));
    let exercises;
    let routines;
    let programs;
    let actions;
    try {
      [exercises, routines, programs, actions] = await Promise.all([
        api.listItems('exercise'), api.listItems('routine'), api.listItems('program'), api.recentActions()]);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      body.replaceChildren(steady.components.studioNotice(error, { retry: () => fill(body), doing: 'The studio' }));
      return;
    }
    body.replaceChildren(
      h('p', { class: 'lead' }, 'Change the exercises, routines and programs runners train with. A draft stays hidden from them until you publish it.'),
      h('div', { class: 'button-row' },
        h('a', { class: 'button', href: '/coach/exercises/new' }, 'New exercise'),
        h('a', { class: 'button', href: '/coach/routines/new' }, 'New routine'),
        h('a', { class: 'button', href: '/coach/programs/new' }, 'New program')),
      section('studio-activity', 'Recent activity', activity(actions)),
      section('studio-exercises-heading', `Exercises (${exercises.length})`, itemList('exercise', exercises)),
      section('studio-routines-heading', `Routines (${routines.length})`, itemList('routine', routines)),
      section('studio-programs-heading', `Programs (${programs.length})`, itemList('program', programs)));
  }

  /** The studio's front page. */
  function studio() {
    const body = h('div', {});
    fill(body).catch((error) => body.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, error.message)));
    return { title: 'Studio', node: h('div', { class: 'page studio' }, h('h1', {}, 'Studio'), body) };
  }

  steady.views.studio = studio;
})(globalThis.steady);
