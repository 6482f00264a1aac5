// The account: who is logged in, log out, change the password, export or delete everything.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  const { ApiError, getJson, sendJson } = steady.serverApi;

  function loggedOut() {
    return [
      h('p', {}, 'You are not logged in on this device.'),
      h('p', {}, steady.labels.accounts.optional),
      h('div', { class: 'button-row' },
        h('a', { class: 'button', href: '/login' }, 'Log in'),
        h('a', { class: 'button button-quiet', href: '/register' }, 'Create an account')),
    ];
  }

  function section(id, heading, ...children) {
    return h('section', { class: 'account-section', 'aria-labelledby': id }, h('h2', { id }, heading), ...children);
  }

  function loggedIn(me, navigate) {
    const logoutError = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const changed = h('p', { class: 'hint', role: 'status' });
    const password = steady.components.accountForm({
      id: 'change-password', action: 'Changing your password', submitLabel: 'Change password',
      fields: [
        { name: 'current_password', label: 'Current password', type: 'password', autocomplete: 'current-password' },
        { name: 'password', label: 'New password', type: 'password', autocomplete: 'new-password', hint: steady.labels.accounts.passwordHint },
      ],
      send: async (values) => {
        await sendJson('POST', '/api/auth/password', values);
        password.inputs.current_password.value = '';
        password.inputs.password.value = '';
        changed.textContent = 'Password changed. Every other device is logged out; this one stays logged in.';
      },
    });
    const removal = steady.components.accountForm({
      id: 'delete-account', action: 'Deleting your account', submitLabel: 'Delete account and all its data', danger: true,
      fields: [{ name: 'password', label: 'Your password, to confirm', type: 'password', autocomplete: 'current-password' }],
      send: async (values) => {
        await sendJson('DELETE', '/api/account', values);
        await (await steady.syncStatus.loadSync()).signedOut({ clear: false }); // the account is gone: nothing more to send it
        steady.studioLink.noteAccount(null);
        announce('Your account and all its data are deleted.');
        navigate('/', { replace: true });
      },
    });
    return [
      h('p', {}, 'Logged in as ', h('strong', {}, me.email), '.'),
      h('div', { class: 'button-row' }, steady.components.logoutChoice(navigate, logoutError)),
      logoutError,
      section('account-password', 'Change password', password.form, changed),
      section('account-data', 'Your data',
        h('p', {}, 'Download everything stored with your account.'),
        h('div', { class: 'button-row' },
          h('a', { class: 'button button-quiet', href: '/api/account/export?format=json', download: 'steady-account.json' }, 'Download JSON'),
          h('a', { class: 'button button-quiet', href: '/api/account/export?format=csv', download: 'steady-account.csv' }, 'Download CSV'))),
      section('account-delete', 'Delete account',
        h('p', {}, 'This removes the account and everything stored with it on the server, for good. What is on this device stays.'),
        removal.form),
    ];
  }

  async function fill(body, navigate) {
    try {
      const me = await getJson('/api/auth/me');
      steady.studioLink.noteAccount(me);
      body.replaceChildren(...loggedIn(me, navigate));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 401) {
        steady.studioLink.noteAccount(null);
        body.replaceChildren(...loggedOut());
      } else if (error.offline) body.replaceChildren(h('p', { class: 'offline-note' }, 'Your account needs a connection, and this device is offline. Everything you log here is kept on the device meanwhile.'));
      else body.replaceChildren(h('p', { role: 'alert' }, error.message));
    }
  }

  /** The account screen. */
  function accountView({ navigate }) {
    const body = h('div', {}, h('p', { class: 'status-message' }, 'Loading…'));
    fill(body, navigate).catch((error) => body.replaceChildren(h('p', { role: 'alert' }, error.message)));
    return { title: 'Account', node: h('div', { class: 'page account' }, h('h1', {}, 'Account'), body) };
  }

  steady.views.account = accountView;
})(globalThis.steady);
