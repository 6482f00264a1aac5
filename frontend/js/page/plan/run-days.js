// The run-days editor of the plan screen: for each weekday, no run, an easy run or a hard one
// (long run, intervals, race). Saved in the synced settings, once the settings rule accepts it.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const P = steady.labels.progress;

  const KINDS = { '': 'No run', easy: 'Easy run', hard: 'Hard run' };

  /** The editor, given the settings and save(runs) that stores them and redraws the week. */
  function runDays(settings, save) {
    const status = h('p', { class: 'hint save-state', role: 'status' });
    const rows = steady.rules.settings.WEEKDAYS.map((day) => {
      const select = h('select', { id: `run-${day}` },
        Object.entries(KINDS).map(([kind, label]) => h('option', { value: kind, selected: (settings.runs[day] || '') === kind }, label)));
      select.addEventListener('change', async () => {
        const runs = { ...settings.runs };
        if (select.value) runs[day] = select.value;
        else delete runs[day];
        status.textContent = (await save(runs, select)) ? 'Saved.' : '';
      });
      return h('div', { class: 'field run-day' }, h('label', { for: select.id }, P.WEEK_DAYS[day]), select);
    });
    return h('section', { class: 'run-days', 'aria-labelledby': 'plan-runs' },
      h('h2', { id: 'plan-runs' }, 'Your runs'),
      h('p', { class: 'hint' }, 'Hard runs are long runs, intervals and races: the plan keeps leg work off the day before them.'),
      h('div', { class: 'run-day-grid' }, rows), status);
  }

  steady.components.runDays = { runDays };
})(globalThis.steady);
