// Settings: the player's cues and pauses, which side per-side exercises start on, units for
// load, the time zone sessions are dated in, the streaks' weekly target, week start and pauses,
// and the runner's data. Every change is saved as it is made.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const { field, numberInput } = steady.components.formFields;

  const LIMITS = steady.rules.limits.settings;
  const NUMBERS = {
    switch_seconds: { label: 'Switch sides pause (seconds)', max: LIMITS.switch_seconds, hint: 'The break to change sides on per-side exercises. 0 goes straight on.' },
    get_ready_seconds: { label: 'Get ready countdown (seconds)', max: LIMITS.get_ready_seconds, hint: 'Before the first exercise.' },
  };

  const NAMES = {
    cue_speech: 'Spoken cues', cue_beeps: 'Beeps', cue_vibration: 'Vibration', units: 'Units for load', time_zone: 'Time zone',
    weekly_target: 'Weekly target', week_start: 'Week starts on', pauses: 'Pauses', runs: 'Run days', weaker_side_first: 'Weaker side first',
  };
  const settingName = (key) => (NUMBERS[key] ? NUMBERS[key].label : NAMES[key] || key);

  function zoneOptions(current) {
    const device = steady.localTime.deviceTimeZone();
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [device];
    return [
      h('option', { value: 'auto', selected: current === 'auto' }, `Automatic (this device: ${device})`),
      ...zones.map((zone) => h('option', { value: zone, selected: zone === current }, zone.replace(/_/g, ' '))),
    ];
  }

  async function fill(heading, body, { navigate }) {
    const settings = await steady.settings.readSettings();
    const status = h('p', { class: 'hint save-state', role: 'status' });
    const formError = h('div', { class: 'form-error', role: 'alert', hidden: true });

    /** Save one setting if the settings rule accepts the whole object with it; else show why on its field. */
    async function save(key, value, control) {
      const errors = steady.rules.settings.validateSettings({ ...settings, [key]: value })
        .filter((e) => e.field === key || e.field.startsWith(`${key}.`));
      if (errors.length) {
        steady.components.fieldErrors.showFieldErrors(form, errors, { [key]: control }, { formError });
        return;
      }
      // Errors are shown one control at a time, so this control's being fixed clears them.
      if (control.getAttribute('aria-invalid') === 'true') steady.components.fieldErrors.clearFieldErrors(form, formError);
      settings[key] = value;
      await steady.settings.saveSetting(key, value);
      status.textContent = 'Saved.';
    }

    const checkbox = (key, label) => h('label', { class: 'choice', for: `setting-${key}` },
      h('input', { type: 'checkbox', id: `setting-${key}`, checked: settings[key], onchange: (e) => save(key, e.target.checked, e.target) }), label);

    const weakerFirst = checkbox('weaker_side_first', 'Start with my weaker side');
    weakerFirst.querySelector('input').setAttribute('aria-describedby', 'weaker-side-hint');

    const numbers = Object.entries(NUMBERS).map(([key, spec]) => {
      const input = numberInput(`setting-${key}`, settings[key], { min: 0, max: spec.max });
      // An empty or unreadable box is passed on as text, so the rule names the problem.
      input.addEventListener('change', () => save(key, input.value.trim() === '' || input.validity.badInput ? input.value : Number(input.value), input));
      return field(spec.label, input, spec.hint);
    });

    const units = ['kg', 'lb'].map((unit) => h('label', { class: 'choice', for: `setting-units-${unit}` },
      h('input', { type: 'radio', name: 'units', id: `setting-units-${unit}`, value: unit, checked: settings.units === unit, onchange: (e) => save('units', unit, e.target) }),
      unit === 'kg' ? 'Kilograms (kg)' : 'Pounds (lb)'));

    const zone = h('select', { id: 'setting-time-zone' }, zoneOptions(settings.time_zone));
    zone.addEventListener('change', () => save('time_zone', zone.value, zone));

    const form = h('form', { class: 'settings-form', novalidate: true, onsubmit: (e) => e.preventDefault() },
      formError,
      h('fieldset', { class: 'choices' }, h('legend', {}, 'Cues during a routine'),
        checkbox('cue_speech', 'Spoken cues'),
        checkbox('cue_beeps', 'Beeps'),
        checkbox('cue_vibration', 'Vibration (on phones that have it)')),
      numbers,
      h('fieldset', { class: 'choices' }, h('legend', {}, 'Per-side exercises'),
        weakerFirst,
        h('p', { class: 'hint', id: 'weaker-side-hint' }, `Your weaker side is the one your log shows lower over the last ${steady.components.asymmetryLine.WEEKS} weeks. With nothing to compare, or both sides even, left goes first.`),
        h('p', { class: 'hint' }, h('a', { href: '/coming-back' }, 'Coming back from injury'), ': how to build up safely.')),
      h('fieldset', { class: 'choices' }, h('legend', {}, 'Units for load'), units),
      field('Time zone', zone, 'New sessions are dated by the calendar here. Sessions already logged keep their own day.'),
      status);

    body.replaceChildren(
      steady.components.syncNotes('settings', { id: null, ...settings }, {
        save: (key, value) => steady.settings.saveSetting(key, value), label: settingName, what: 'Settings: ',
        done: () => navigate(location.pathname, { replace: true }),
      }),
      form,
      steady.components.streakSettings.streakSettings(settings, save),
      h('section', { 'aria-labelledby': 'settings-data' },
        h('h2', { id: 'settings-data' }, 'Your data'),
        h('p', {}, 'Download everything logged on this device. No account needed.'),
        steady.components.exportControl.exportControls(),
        steady.components.importControl.importControl({ id: 'settings-import', done: () => navigate(location.pathname, { replace: true }) }),
        h('p', {}, h('a', { href: '/storage' }, 'Saved for offline'), ': clips kept on this device and the space they use.')));
  }

  /** The settings screen; every control saves on change. */
  function settingsView(context) {
    return steady.components.devicePage(context, { title: 'Settings', className: 'settings', failure: 'Could not read your settings', fill });
  }

  steady.views.settings = settingsView;
})(globalThis.steady);
