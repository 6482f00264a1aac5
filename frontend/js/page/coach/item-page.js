// One studio item's page, the same for an exercise, a routine and a program: its form, Save draft, Preview,
// Publish, Revert to built-in, Retire or Restore, and its history. Every action needs the server;
// one that fails keeps the form as typed and says why, on the field the server names when it can.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  const { ApiError } = steady.serverApi;
  const { itemStates, actionText, failureWords, KINDS, KEPT_WHEN_RETIRED } = steady.labels.coach;
  const { showFieldErrors, clearFieldErrors } = steady.components.fieldErrors;
  const api = steady.studioApi;

  const SAID = {
    saved: 'Draft saved. Runners see nothing of it until you publish.',
    published: 'Published. Runners get it on their next visit or sync.',
    reverted: 'Back to the built-in version. Runners get it on their next visit or sync.',
    retired: 'Retired: hidden from runners’ lists, still shown in their history.',
    restored: 'Restored: back in runners’ lists.',
  };

  /** The control a server's dotted field path is about: the path itself, else its nearest parent ("steps.2.x" → "steps.2"). */
  function resolveField(path, where) {
    const parts = String(path || '').split('.');
    while (parts.length) {
      const key = parts.join('.');
      if (where[key]) return key;
      parts.pop();
    }
    return null;
  }

  function summaryOf(item) {
    const same = item.live && item.built_in_version && JSON.stringify(sorted(item.live)) === JSON.stringify(sorted(item.built_in_version));
    return { built_in: item.built_in, live: Boolean(item.live), has_draft: Boolean(item.draft), retired: item.retired, changed: item.built_in && item.live && !same };
  }

  function sorted(value) {
    if (Array.isArray(value)) return value.map(sorted);
    if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted(value[k])]));
    return value;
  }

  /** What an exercise's or routine's form picks exercises from: the studio's, each by name. */
  async function exerciseChoices() {
    return { exerciseItems: await api.listItems('exercise') };
  }

  /** {slug: name} of those exercises; a retired one only when it is the item itself. */
  function exerciseNames(exerciseItems, item) {
    return Object.fromEntries(exerciseItems.filter((e) => !e.retired || (item && e.slug === item.slug)).map((e) => [e.slug, e.name]));
  }

  function historyList(item) {
    const actions = item ? item.history : [];
    return actions.length ? h('ol', { class: 'studio-history' }, actions.map((a) => h('li', {}, actionText(a))))
      : h('p', { class: 'hint' }, 'Nothing yet.');
  }

  /** The page for `slug` of `kind` (none: a new one). `references()` loads what the form picks from (by
   * default the studio's exercises); `makeForm(card, options)` gives {node, read, where, problems?} (problems():
   * [{control, message}] the body cannot carry to the server); `preview(body, item, references)` the runner's
   * view of a body; `extra(item, reload)` more sections (the clip). */
  function studioItemPage({ catalog, navigate }, { kind, slug, newTitle, makeForm, preview, extra, references = exerciseChoices }) {
    const isNew = !slug;
    const noun = KINDS[kind].charAt(0).toUpperCase() + KINDS[kind].slice(1);
    const heading = h('h1', {}, isNew ? newTitle : slug);
    const state = h('p', { class: 'studio-state' });
    const head = h('header', {}, h('p', { class: 'eyebrow' }, h('a', { href: '/coach' }, 'Studio'), ` · ${noun}`), heading, state);
    const body = h('div', {}, h('p', { class: 'status-message', role: 'status' }, 'Loading…'));
    const page = h('div', { class: 'page studio' }, head, body);

    async function load() {
      body.replaceChildren(h('p', { class: 'status-message', role: 'status' }, 'Loading…'));
      let item = null;
      let refs;
      try {
        [item, refs] = await Promise.all([isNew ? null : api.getItem(kind, slug), references()]);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        body.replaceChildren(steady.components.studioNotice(error, { retry: load, doing: 'The studio' }));
        return;
      }
      draw(item, refs);
    }

    function draw(item, refs, said) {
      const card = item ? item.draft || item.live || item.built_in_version : null;
      const names = refs.exerciseItems ? exerciseNames(refs.exerciseItems, item) : {};
      const form = makeForm(card, { ...refs, isNew, exercises: names, sources: catalog.sources });
      const formError = h('div', { class: 'form-error', role: 'alert', tabindex: '-1', hidden: true });
      const status = h('p', { class: 'studio-status', role: 'status', tabindex: '-1' });
      const offline = h('p', { class: 'offline-note', hidden: navigator.onLine }, 'You are offline. The studio needs a connection to save or publish; what you type stays here meanwhile.');
      const history = h('section', { class: 'studio-section', 'aria-labelledby': 'studio-history' }, h('h2', { id: 'studio-history' }, 'History'), historyList(item));
      const buttons = {
        // Not a submit button: form-drafts forgets a submitted form's draft once it leaves the screen,
        // and a save that failed offline must keep what was typed for when the coach comes back.
        save: h('button', { type: 'button', class: 'button' }, 'Save draft'),
        preview: h('button', { type: 'button', class: 'button button-quiet' }, 'Preview'),
        publish: h('button', { type: 'button', class: 'button' }, 'Publish'),
        revert: h('button', { type: 'button', class: 'button button-quiet' }, 'Revert to built-in'),
        restore: h('button', { type: 'button', class: 'button button-quiet' }, 'Restore'),
      };
      const retire = isNew ? null : steady.components.inlineConfirm({
        label: 'Retire', confirmLabel: `Retire ${kind}`,
        question: `Retire “${item.name}”? Runners stop seeing it in lists; ${KEPT_WHEN_RETIRED[kind]}. If nothing refers to it, it is removed for good.`,
        onConfirm: () => run(`Retiring the ${kind}`, async () => {
          const answer = await api.retire(kind, item.slug);
          if (answer.deleted) {
            navigate('/coach');
            announce(`${item.name} removed for good: nothing referred to it.`);
            return;
          }
          redraw(answer, SAID.retired);
        }),
      });
      const editor = h('form', { class: 'studio-form', novalidate: true, 'data-draft': true },
        offline, formError, form.node,
        h('div', { class: 'studio-actions' }, buttons.save, buttons.preview, buttons.publish));
      const manage = isNew ? null : h('section', { class: 'studio-section', 'aria-labelledby': 'studio-manage' },
        h('h2', { id: 'studio-manage' }, 'Manage'),
        h('div', { class: 'actions' }, item.built_in ? buttons.revert : null, item.retired ? buttons.restore : retire));
      const previewArea = h('div', { class: 'studio-preview', hidden: true });
      const editing = h('div', {}, status, editor, isNew ? null : extra(item, () => reload()), manage, history);
      let dirty = false;
      editor.addEventListener('input', () => { dirty = true; });
      editor.addEventListener('change', () => { dirty = true; });

      function onLine() {
        if (!page.isConnected) {
          window.removeEventListener('online', onLine);
          window.removeEventListener('offline', onLine);
          return;
        }
        offline.hidden = navigator.onLine;
      }
      window.addEventListener('online', onLine);
      window.addEventListener('offline', onLine);

      function showStatus(text) {
        status.textContent = text;
        status.focus({ preventScroll: false });
      }

      function refreshMeta(fresh) {
        item = fresh;
        heading.textContent = fresh.name;
        document.title = `Studio: ${fresh.name} · Steady`;
        state.textContent = itemStates(summaryOf(fresh)).join(' · ');
        history.replaceChildren(history.firstChild, historyList(fresh));
      }

      async function reload() {
        const fresh = await api.getItem(kind, item.slug);
        refreshMeta(fresh);
        return fresh;
      }

      function redraw(fresh, text) {
        steady.formDrafts.clearDraft();
        draw(fresh, refs, text);
      }

      function showFailure(error, doing) {
        if (!(error instanceof ApiError)) throw error;
        if (error.status === 400 && error.body) {
          const where = form.where();
          // A rule over the whole body (field "") may name the part it is about first: "items.3 has no target…".
          const named = error.body.field ? null : (/^([a-z_]+(?:\.\w+)*) /.exec(error.message) || [])[1];
          const key = resolveField(error.body.field || named, where);
          showFieldErrors(editor, [{ field: key || error.body.field, message: error.message }], where, {
            formError, messageFor: (e) => (key ? e.message : [error.body.field, e.message].filter(Boolean).join(': ')),
          });
          return;
        }
        const { text, login } = failureWords(error, doing);
        const offlineToo = error.offline || error.timedOut;
        formError.replaceChildren(h('p', {}, text, offlineToo ? ' Nothing was lost: what you typed stays here; try again once you are online.' : ''),
          login ? h('p', {}, h('a', { href: '/login' }, 'Log in')) : null);
        formError.hidden = false;
        if (!editor.contains(document.activeElement) || document.activeElement.tagName === 'BUTTON') formError.focus();
        announce(text);
      }

      async function run(doing, task) {
        clearFieldErrors(editor, formError);
        status.textContent = '';
        const all = [...Object.values(buttons), ...editing.querySelectorAll('.confirm button')];
        all.forEach((b) => { b.disabled = true; });
        try {
          await task();
        } catch (error) {
          showFailure(error, doing);
        } finally {
          all.forEach((b) => { b.disabled = false; });
        }
      }

      /** Save what is typed as the draft; null when the browser already knows a number is unreadable, or the form a problem the body cannot carry. */
      async function saveDraft() {
        const unread = [...steady.coachForms.unreadNumbers(editor), ...(form.problems ? form.problems() : [])];
        if (unread.length) {
          const where = Object.fromEntries(unread.map((u) => [u.control.id, u.control]));
          showFieldErrors(editor, unread.map((u) => ({ field: u.control.id, message: u.message })), where, { formError });
          return null;
        }
        const draftBody = form.read();
        const saved = await api.saveDraft(kind, isNew ? draftBody.slug : item.slug, draftBody, { create: isNew });
        steady.formDrafts.clearDraft();
        dirty = false;
        return saved;
      }

      editor.addEventListener('submit', (event) => event.preventDefault());
      buttons.save.addEventListener('click', () => {
        run('Saving the draft', async () => {
          const saved = await saveDraft();
          if (!saved) return;
          if (isNew) {
            navigate(`/coach/${kind}s/${saved.slug}`, { replace: true });
            announce(SAID.saved);
            return;
          }
          refreshMeta(saved);
          showStatus(SAID.saved);
        });
      });
      buttons.publish.addEventListener('click', () => run(`Publishing the ${kind}`, async () => {
        if (isNew || dirty) {
          const saved = await saveDraft();
          if (!saved) return;
          if (isNew) {
            await api.act(kind, saved.slug, 'publish');
            navigate(`/coach/${kind}s/${saved.slug}`, { replace: true });
            announce(SAID.published);
            return;
          }
        }
        refreshMeta(await api.act(kind, item.slug, 'publish'));
        showStatus(SAID.published);
      }));
      buttons.revert.addEventListener('click', () => run(`Reverting the ${kind}`, async () => redraw(await api.act(kind, item.slug, 'revert'), SAID.reverted)));
      buttons.restore.addEventListener('click', () => run(`Restoring the ${kind}`, async () => redraw(await api.act(kind, item.slug, 'restore'), SAID.restored)));
      buttons.preview.addEventListener('click', () => {
        const back = h('button', { type: 'button', class: 'button button-quiet' }, 'Back to editing');
        let shown;
        try {
          shown = preview(form.read(), item, refs);
        } catch (error) {
          shown = h('p', { class: 'form-error', role: 'alert' }, `The preview could not be drawn: ${error.message}`);
        }
        previewArea.replaceChildren(
          h('div', { class: 'studio-preview-bar', role: 'region', 'aria-label': 'Preview' },
            h('p', {}, h('strong', {}, 'Preview: '), 'this is what runners will see once you publish.'), back),
          shown);
        back.addEventListener('click', () => {
          previewArea.hidden = true;
          head.hidden = false;
          editing.hidden = false;
          buttons.preview.focus();
        });
        head.hidden = true;
        editing.hidden = true;
        previewArea.hidden = false;
        const title = previewArea.querySelector('h1');
        if (title) { title.setAttribute('tabindex', '-1'); title.focus(); }
        announce('Preview, as runners will see it.');
      });

      if (item) refreshMeta(item);
      else state.textContent = 'Not saved yet';
      body.replaceChildren(editing, previewArea);
      if (said) showStatus(said);
    }

    load().catch((error) => body.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, error.message)));
    return { title: isNew ? newTitle : `Studio: ${slug}`, node: page };
  }

  steady.components.studioItemPage = studioItemPage;
})(globalThis.steady);
