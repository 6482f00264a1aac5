// Log in, with "remember me" on by default: a phone offline for weeks should still sync when back.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;

  /** The login screen. */
  function loginView({ navigate }) {
    const { form } = steady.components.accountForm({
      id: 'login', action: 'Logging in', submitLabel: 'Log in',
      fields: [
        { name: 'email', label: 'Email', type: 'email', autocomplete: 'username' },
        { name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password' },
        { name: 'remember', label: 'Keep me logged in on this device for a year', type: 'checkbox', checked: true },
      ],
      send: async (values) => {
        // What this device holds joins the account: its outbox is sent under it.
        const user = await steady.serverApi.sendJson('POST', '/api/auth/login', values);
        await steady.syncStatus.signedIn(user);
        steady.studioLink.noteAccount(user);
        announce('Logged in.');
        navigate('/account', { replace: true });
      },
    });
    return {
      title: 'Log in',
      node: h('div', { class: 'page account' },
        h('h1', {}, 'Log in'),
        h('p', { class: 'lede' }, steady.labels.accounts.optional),
        form,
        h('p', {}, h('a', { href: '/reset' }, 'Forgot your password?')),
        h('p', {}, 'No account yet? ', h('a', { href: '/register' }, 'Create one'), '.')),
    };
  }

  steady.views.login = loginView;
})(globalThis.steady);
