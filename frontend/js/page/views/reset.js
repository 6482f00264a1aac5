// A forgotten password: ask for a link by email (/reset), then choose a new one from it (/reset/<token>).
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;

  function done(form, ...message) {
    const note = h('div', { class: 'notice', role: 'status', tabindex: '-1' }, ...message);
    form.replaceWith(note);
    note.focus();
  }

  /** Ask for a reset link; the answer is the same whether or not the account exists. */
  function requestResetView() {
    const { form } = steady.components.accountForm({
      id: 'reset-request', action: 'Asking for a reset link', submitLabel: 'Send me a link',
      fields: [{ name: 'email', label: 'Email', type: 'email', autocomplete: 'email' }],
      send: async (values) => {
        const answer = await steady.serverApi.sendJson('POST', '/api/auth/reset', values);
        done(form, h('p', {}, answer.message), h('p', {}, 'The link works once, for an hour. Check your spam folder if it does not arrive.'));
      },
    });
    return {
      title: 'Reset your password',
      node: h('div', { class: 'page account' },
        h('h1', {}, 'Reset your password'),
        h('p', { class: 'lede' }, 'Enter the email of your account and we will mail you a link to choose a new password.'),
        form,
        h('p', {}, h('a', { href: '/login' }, 'Back to log in'))),
    };
  }

  /** Choose a new password from a mailed link; every device is logged out afterwards. */
  function chooseResetView({ params }) {
    const { form } = steady.components.accountForm({
      id: 'reset-choose', action: 'Setting a new password', submitLabel: 'Set new password',
      fields: [{ name: 'password', label: 'New password', type: 'password', autocomplete: 'new-password', hint: steady.labels.accounts.passwordHint }],
      send: async (values) => {
        const answer = await steady.serverApi.sendJson('POST', `/api/auth/reset/${encodeURIComponent(params.token)}`, values);
        announce('Password changed.');
        done(form, h('p', {}, answer.message), h('p', {}, h('a', { href: '/login' }, 'Log in')));
      },
    });
    return {
      title: 'Choose a new password',
      node: h('div', { class: 'page account' }, h('h1', {}, 'Choose a new password'), form),
    };
  }

  steady.views.requestReset = requestResetView;
  steady.views.chooseReset = chooseResetView;
})(globalThis.steady);
