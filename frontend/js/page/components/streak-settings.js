// The streak settings: the weekly target, the day weeks start on, and pauses (planned rest or
// an injury) whose days neither count toward a streak nor break it. Each change saves at once,
// once the settings rule accepts it.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  const P = steady.labels.progress;

  function field(label, control, hint) {
    const hintId = hint ? `${control.id}-hint` : null;
    if (hintId) control.setAttribute('aria-describedby', hintId);
    return h('div', { class: 'field' }, h('label', { for: control.id }, label), hint ? h('p', { class: 'hint', id: hintId }, hint) : null, control);
  }

  function select(id, labels, value) {
    return h('select', { id }, Object.entries(labels).map(([key, text]) => h('option', { value: key, selected: key === value }, text)));
  }

  function pauseText(pause) {
    return `${P.PAUSE_KINDS[pause.kind]}: ${P.dateText(pause.start, { year: true })} to ${P.dateText(pause.end, { year: true })}`;
  }

  /** The section, given the current settings and the screen's save(key, value, control). */
  function streakSettings(settings, save) {
    const { showFieldErrors, clearFieldErrors } = steady.components.fieldErrors;
    const targets = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((n) => [String(n), `${P.count(n, 'session')} a week`]));
    const target = select('setting-weekly-target', targets, String(settings.weekly_target));
    target.addEventListener('change', () => save('weekly_target', Number(target.value), target));
    const weekStart = select('setting-week-start', P.WEEK_DAYS, settings.week_start);
    weekStart.addEventListener('change', () => save('week_start', weekStart.value, weekStart));

    const list = h('ul', { class: 'pause-list' });
    const start = h('input', { type: 'date', id: 'pause-start' });
    const end = h('input', { type: 'date', id: 'pause-end' });
    const kind = select('pause-kind', P.PAUSE_KINDS, 'rest');
    const formError = h('div', { class: 'form-error', role: 'alert', hidden: true });
    const adder = h('div', { class: 'pause-add' },
      formError,
      h('div', { class: 'pause-fields' }, field('First day', start), field('Last day', end), field('Kind', kind)),
      h('button', { type: 'button', class: 'button', onclick: addPause }, 'Add pause'));

    function drawList() {
      list.replaceChildren(...(settings.pauses.length
        ? settings.pauses.map((pause, i) => h('li', {},
          h('span', {}, pauseText(pause)),
          h('button', { type: 'button', class: 'button button-quiet button-small', 'aria-label': `Remove pause, ${pauseText(pause)}`, onclick: () => removePause(i) }, 'Remove')))
        : [h('li', { class: 'empty' }, 'No pauses.')]));
    }

    async function addPause() {
      const pause = { start: start.value, end: end.value, kind: kind.value };
      const pauses = [...settings.pauses, pause];
      // The settings rule judges the new pause; its fields are pauses.<n>.start and so on.
      const at = `pauses.${pauses.length - 1}.`;
      const errors = steady.rules.settings.validateSettings({ ...settings, pauses })
        .filter((e) => e.field === 'pauses' || e.field.startsWith(at))
        .map((e) => ({ ...e, field: e.field.replace(at, '') }));
      if (errors.length) {
        showFieldErrors(adder, errors, { start, end, kind }, { formError });
        return;
      }
      clearFieldErrors(adder, formError);
      await save('pauses', pauses.sort((a, b) => (a.start > b.start) - (a.start < b.start)), start);
      drawList();
      start.value = '';
      end.value = '';
      announce(`Pause added: ${pauseText(pause)}.`);
    }

    async function removePause(index) {
      const gone = settings.pauses[index];
      await save('pauses', settings.pauses.filter((_, i) => i !== index), start);
      drawList();
      start.focus();
      announce(`Pause removed: ${pauseText(gone)}.`);
    }

    drawList();
    return h('section', { class: 'streak-settings', 'aria-labelledby': 'streak-settings' },
      h('h2', { id: 'streak-settings' }, 'Streaks'),
      field('Weekly target', target, 'Weeks with at least this many sessions keep your weekly streak going.'),
      field('Weeks start on', weekStart, 'Streaks count calendar weeks from this day, not rolling 7-day windows.'),
      h('h3', {}, 'Pauses'),
      h('p', { class: 'hint' }, 'Planned rest or an injury: the days of a pause neither count toward your streaks nor break them.'),
      list,
      adder);
  }

  steady.components.streakSettings = { streakSettings };
})(globalThis.steady);
