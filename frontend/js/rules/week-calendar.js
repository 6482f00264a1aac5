// The week plan as an iCalendar file. Pure (no clock: the stamp is passed in).
// server/progress/rules/week_calendar.py is the same rule in Python;
// tests/vectors/week_calendar.json is the one set of cases both must pass, byte for byte, so
// change all three together.
//
// One all-day event per planned day, with a reminder at 08:00 on the day and a link that opens
// that day on the plan screen, one tap from starting. A day's event has a stable UID, so a
// subscribed calendar that refreshes after a session was logged drops that day's event, and
// importing a new download replaces the old one instead of doubling it.
(function (steady) {
  'use strict';

  // Nested template literals lose their spaces to rjsmin, so text with spaces is joined with +.
  const NAME = 'Steady: core & balance';
  const TITLES = { full: 'Core, balance & legs', core: 'Core & balance' };
  const REMINDER = 'PT8H'; // after the start of the (all-day) event: 08:00 on the day
  const FOLD_AT = 75; // octets per line, as RFC 5545 asks
  const DAY_MS = 86400000;

  const text = (value) => value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
  const octets = (char) => { const c = char.codePointAt(0); return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; };

  // Long lines continue on the next with one leading space; never split a character's bytes.
  function fold(line) {
    const lines = [];
    let current = '';
    let size = 0;
    for (const char of line) {
      const limit = lines.length ? FOLD_AT - 1 : FOLD_AT;
      if (size + octets(char) > limit) { lines.push(current); current = ''; size = 0; }
      current += char;
      size += octets(char);
    }
    lines.push(current);
    return [lines[0], ...lines.slice(1).map((rest) => ` ${rest}`)];
  }

  const compact = (isoDate) => isoDate.replace(/-/g, '');
  const nextDay = (isoDate) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

  /** The planned days of these week plans as one VCALENDAR (CRLF lines), linking to `origin`'s plan screen. */
  function weekCalendar(plans, origin, stamp) {
    const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Steady//Week plan//EN', 'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH', `X-WR-CALNAME:${text(NAME)}`, 'REFRESH-INTERVAL;VALUE=DURATION:PT6H'];
    for (const plan of plans) {
      const days = plan !== null && typeof plan === 'object' && Array.isArray(plan.days) ? plan.days : [];
      for (const day of days) {
        if (!(day.plan in TITLES)) continue;
        const link = `${origin}/plan?day=${day.date}`;
        const note = day.note || '';
        lines.push(
          'BEGIN:VEVENT', `UID:plan-${day.date}@steady`, `DTSTAMP:${stamp}`,
          `DTSTART;VALUE=DATE:${compact(day.date)}`, `DTEND;VALUE=DATE:${compact(nextDay(day.date))}`,
          `SUMMARY:${text(TITLES[day.plan])}`, `DESCRIPTION:${text((note + ' Start: ' + link).trim())}`,
          `URL:${link}`, 'TRANSP:TRANSPARENT',
          'BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${text(TITLES[day.plan] + ' today')}`,
          `TRIGGER;RELATED=START:${REMINDER}`, 'END:VALARM', 'END:VEVENT',
        );
      }
    }
    lines.push('END:VCALENDAR');
    return lines.flatMap(fold).map((part) => `${part}\r\n`).join('');
  }

  steady.rules.weekCalendar = { weekCalendar };
})(globalThis.steady);
