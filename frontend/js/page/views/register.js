// Create an account; it logs this device in straight away.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;

  /** The registration screen. */
  function registerView({ navigate }) {
    const { form } = steady.components.accountForm({
      id: 'register', action: 'Creating an account', submitLabel: 'Create account',
      fields: [
        { name: 'email', label: 'Email', type: 'email', autocomplete: 'email' },
        { name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', hint: steady.labels.accounts.passwordHint },
        { name: 'remember', label: 'Keep me logged in on this device for a year', type: 'checkbox', checked: true },
      ],
      send: async (values) => {
        // What this device holds joins the account: its outbox is sent under it.
        const user = await steady.serverApi.sendJson('POST', '/api/auth/register', values);
        await steady.syncStatus.signedIn(user);
        steady.studioLink.noteAccount(user);
        announce('Account created. You are logged in.');
        navigate('/account', { replace: true });
      },
    });
    return {
      title: 'Create an account',
      node: h('div', { class: 'page account' },
        h('h1', {}, 'Create an account'),
        h('p', { class: 'lede' }, steady.labels.accounts.optional),
        form,
        h('p', {}, 'Already have one? ', h('a', { href: '/login' }, 'Log in'), '.')),
    };
  }

  steady.views.register = registerView;
})(globalThis.steady);
