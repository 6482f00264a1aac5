// The words of the account screens that more than one of them says.
(function (steady) {
  'use strict';

  /** What an account action offline says: it needs a connection, and what was typed stays. */
  function needsConnection(action) {
    return `${action} needs a connection, and this device is offline. What you typed is still here: send it again once you are back online.`;
  }

  steady.labels.accounts = {
    needsConnection,
    passwordHint: 'At least 10 characters, and not one of the common ones. A short sentence works well.',
    optional: 'An account is optional: everything works on this device without one. With one, your training is backed up and can reach your other devices.',
  };
})(globalThis.steady);
