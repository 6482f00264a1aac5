// Reminders that reach a runner with Steady closed: the week as a calendar file made on the
// device (no account needed, works offline), or a private calendar link for the account that a
// phone subscribes to and that follows every logged session; and, while Steady is open, a
// notification on a planned day.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  const NOTIFIED_KEY = 'steady.planNotified';

  function stamp(now) {
    return new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  }

  function downloadButton(plans, status) {
    return h('button', { type: 'button', class: 'button', onclick: () => {
      const text = steady.rules.weekCalendar.weekCalendar(plans, location.origin, stamp(Date.now()));
      steady.components.exportControl.download('steady-week-plan.ics', 'text/calendar', text);
      status.textContent = 'Calendar file made: open it to add this week and next to your calendar.';
      announce(status.textContent);
    } }, 'Download calendar file');
  }

  function subscription(status) {
    const slot = h('div', { class: 'calendar-link' });
    const say = (text) => { status.textContent = text; announce(text); };
    async function draw() {
      if (!navigator.onLine) {
        slot.replaceChildren(h('p', { class: 'hint' }, 'A calendar link that stays up to date needs a connection to set up.'));
        return;
      }
      let link;
      try {
        link = await steady.serverApi.getJson('/api/plan/calendar');
      } catch (error) {
        slot.replaceChildren(error.status === 401
          ? h('p', { class: 'hint' }, h('a', { href: '/login' }, 'Log in'), ' to get a calendar link that updates as you train.')
          : h('p', { class: 'hint' }, `The calendar link can't be checked just now: ${error.message}`));
        return;
      }
      const make = h('button', { type: 'button', class: 'button button-quiet', onclick: () => act('POST') },
        link.active ? 'Replace the link' : 'Get a calendar link');
      const stop = h('button', { type: 'button', class: 'button button-quiet', onclick: () => act('DELETE') }, 'Stop the link');
      slot.replaceChildren(h('p', { class: 'hint' }, link.active
        ? 'Your calendar link is on. Replacing it stops the old one working.'
        : 'A private link your phone’s calendar subscribes to; it drops a day’s reminder once you log that day.'),
      h('div', { class: 'button-row' }, make, link.active ? stop : null));
    }
    async function act(method) {
      try {
        const answer = await steady.serverApi.sendJson(method, '/api/plan/calendar');
        await draw();
        if (answer && answer.url) {
          const field = h('input', { type: 'text', id: 'calendar-url', readonly: true, value: answer.url });
          slot.append(h('div', { class: 'field' }, h('label', { for: 'calendar-url' }, 'Your calendar link (shown once: copy it into your calendar app)'), field));
          field.focus();
          field.select();
          say('Calendar link made.');
        } else say('Calendar link stopped.');
      } catch (error) {
        say(error.offline ? 'This needs a connection. Try again once you are online.' : error.message);
      }
    }
    draw();
    return slot;
  }

  function notifyToday(plan, today) {
    const day = plan.days.find((d) => d.date === today);
    if (!day || !day.plan || localStorage.getItem(NOTIFIED_KEY) === today) return;
    localStorage.setItem(NOTIFIED_KEY, today);
    new Notification('Steady: core & balance today', { body: day.note, tag: `plan-${today}` });
  }

  function notifications(plan, today, status) {
    if (!('Notification' in globalThis)) return null;
    if (Notification.permission === 'granted') {
      notifyToday(plan, today);
      return h('p', { class: 'hint' }, 'Notifications are on: Steady reminds you on a planned day while it is open.');
    }
    if (Notification.permission === 'denied') return h('p', { class: 'hint' }, 'Notifications are blocked for Steady in this browser’s settings.');
    return h('button', { type: 'button', class: 'button button-quiet', onclick: async () => {
      const answer = await Notification.requestPermission();
      status.textContent = answer === 'granted' ? 'Notifications on.' : 'Notifications stay off.';
      announce(status.textContent);
      if (answer === 'granted') notifyToday(plan, today);
    } }, 'Remind me while Steady is open');
  }

  /** The reminders section for this week's plan and next week's. */
  function calendarLinks(plans, today) {
    const status = h('p', { class: 'hint', role: 'status' });
    return h('section', { class: 'plan-reminders', 'aria-labelledby': 'plan-reminders' },
      h('h2', { id: 'plan-reminders' }, 'Reminders'),
      h('div', { class: 'button-row' }, downloadButton(plans, status)),
      subscription(status),
      notifications(plans[0], today, status),
      status);
  }

  steady.components.calendarLinks = { calendarLinks };
})(globalThis.steady);
