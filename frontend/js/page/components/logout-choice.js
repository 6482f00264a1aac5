// Logging out asks what to do with this device's copy: keep it, or clear it, which happens only
// once the server has confirmed every change in the outbox. A failed step never clears anything.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  const { ApiError, sendJson } = steady.serverApi;

  async function clearAndLogOut(engine) {
    const flushed = await engine.flush();
    const left = (await steady.outbox.pendingChanges()).length;
    if (flushed !== 'saved' || left) throw new engine.UnsavedChanges(left);
    await sendJson('POST', '/api/auth/logout');
    await engine.signedOut({ clear: true });
  }

  /** A "Log out" button that opens the keep-or-clear choice; `message` (a hidden alert) shows what went wrong. */
  function logoutChoice(navigate, message) {
    const logOut = (clear) => async () => {
      message.hidden = true;
      try {
        const engine = await steady.syncStatus.loadSync();
        if (clear) {
          await clearAndLogOut(engine);
        } else {
          await sendJson('POST', '/api/auth/logout');
          await engine.signedOut({ clear: false });
        }
      } catch (error) {
        const unsaved = error.name === 'UnsavedChanges';
        if (!(error instanceof ApiError || unsaved)) throw error;
        message.textContent = unsaved
          ? `${error.message} Connect to save them first, or keep this device's copy.`
          : error.offline ? steady.labels.accounts.needsConnection('Logging out') : error.message;
        message.hidden = false;
        return;
      }
      steady.studioLink.noteAccount(null);
      announce(clear ? 'Logged out. Your training is cleared from this device.' : 'Logged out. This device keeps its copy.');
      navigate('/login', { replace: true });
    };
    const choice = h('div', { class: 'logout-choice', role: 'group', 'aria-labelledby': 'logout-question', hidden: true },
      h('p', { id: 'logout-question' }, h('strong', {}, 'Keep your training on this device?')),
      h('p', {}, 'Clearing it first makes sure your account has every change.'),
      h('div', { class: 'button-row' },
        h('button', { type: 'button', class: 'button', onclick: logOut(false) }, 'Keep it and log out'),
        h('button', { type: 'button', class: 'button button-quiet button-danger', onclick: logOut(true) }, 'Clear it and log out')));
    const open = h('button', {
      type: 'button', class: 'button button-quiet', 'aria-expanded': 'false',
      onclick: () => {
        choice.hidden = false;
        open.setAttribute('aria-expanded', 'true');
        choice.querySelector('button').focus();
      },
    }, 'Log out');
    return [open, choice];
  }

  steady.components.logoutChoice = logoutChoice;
})(globalThis.steady);
