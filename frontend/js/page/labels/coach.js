// The studio's words: an item's state, what coaches did, and what a failed request means.
(function (steady) {
  'use strict';

  const ACTIONS = {
    create: 'Created', edit: 'Saved a draft', publish: 'Published', revert: 'Reverted to built-in',
    retire: 'Retired', restore: 'Restored', delete: 'Deleted', upload: 'Uploaded a clip',
  };
  const KINDS = { exercise: 'exercise', routine: 'routine', program: 'program', clip: 'clip' };
  // What a retired item leaves runners, said before a coach retires it.
  const KEPT_WHEN_RETIRED = {
    exercise: 'sessions they logged with it keep it',
    routine: 'sessions they logged with it keep it',
    program: 'a runner following it keeps it and its history',
  };

  /** What a runner sees of an item, and what waits: ["Built-in"], ["Coach version live", "Draft waiting"]… */
  function itemStates({ built_in: builtIn, live, has_draft: hasDraft, retired, changed }) {
    const states = [];
    if (retired) states.push('Retired');
    else if (live && builtIn && !changed) states.push('Built-in');
    else if (live) states.push('Coach version live');
    else states.push('Not published');
    if (hasDraft) states.push('Draft waiting');
    return states;
  }

  /** "Published · coach@example.com · 1 Dec 2026, 17:50". */
  function actionText(action) {
    const when = new Date(action.at);
    const time = when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    return `${ACTIONS[action.action] || action.action} · ${action.by} · ${steady.labels.dates.instantDateText(when.getTime())}, ${time}`;
  }

  /** Why a studio request failed, in words ({text, login}); `doing` names what needed the server ("Saving the draft"). */
  function failureWords(error, doing) {
    if (error.offline || error.timedOut) {
      const why = error.timedOut ? 'the server did not answer in time' : 'this device is offline';
      return { text: `${doing} needs a connection, and ${why}.` };
    }
    if (error.status === 401) return { text: 'Log in with your coach account to use the studio.', login: true };
    if (error.status === 403) return { text: 'Only coaches can use the studio. Ask the operator to make your account a coach.' };
    return { text: error.message };
  }

  steady.labels.coach = { ACTIONS, KINDS, KEPT_WHEN_RETIRED, itemStates, actionText, failureWords };
})(globalThis.steady);
