// What an export file holds beside what is already on this device, and the Import button that
// stores it: the part of components/import-control.js that waits in the "import" bundle until a
// file is chosen.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;
  const { count, dateText } = steady.labels.progress;
  const { showProblem } = steady.components.importControl;

  function fileWords(summary) {
    const parts = [];
    if (summary.sessions) {
      const span = summary.first_date === summary.last_date ? `on ${dateText(summary.first_date, { year: true })}`
        : `from ${dateText(summary.first_date, { year: true })} to ${dateText(summary.last_date, { year: true })}`;
      parts.push(`${count(summary.sessions, 'session')} (${span})`);
    }
    if (summary.routines) parts.push(count(summary.routines, 'routine'));
    if (summary.levels) parts.push(count(summary.levels, 'exercise level'));
    if (summary.enrolments) parts.push(count(summary.enrolments, 'program enrolment'));
    const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
    return parts.length ? `This file holds ${list}.` : 'This file holds no sessions, routines, levels or program enrolments.';
  }

  function planWords(plan) {
    const { summary } = plan;
    const words = [fileWords(summary)];
    if (summary.already_here) words.push(`${summary.already_here} ${summary.already_here === 1 ? 'is' : 'are'} already on this device and will not be doubled.`);
    if (summary.newer_in_file) words.push(`${summary.newer_in_file} edited later in the file will replace the copy here.`);
    if (summary.settings) words.push(`${count(summary.settings, 'setting')} not chosen on this device will be taken from it.`);
    return words.join(' ');
  }

  const toImport = (plan) => plan.sessions.length + plan.routines.length + plan.levels.length + plan.enrolments.length + plan.settings.length;

  function importedWords(plan) {
    const parts = [plan.sessions.length && count(plan.sessions.length, 'session'), plan.routines.length && count(plan.routines.length, 'routine'),
      plan.levels.length && count(plan.levels.length, 'exercise level'), plan.enrolments.length && count(plan.enrolments.length, 'program enrolment'),
      plan.settings.length && count(plan.settings.length, 'setting')].filter(Boolean);
    return `Imported ${parts.join(', ')}.`;
  }

  function showPlan(plan, parts, done) {
    const { input, preview, problem } = parts;
    problem.hidden = true;
    const cancel = h('button', { type: 'button', class: 'button button-quiet', onclick: () => { input.value = ''; preview.replaceChildren(); input.focus(); } }, 'Cancel');
    if (!toImport(plan)) {
      preview.replaceChildren(h('p', {}, planWords(plan), ' Everything in it is already here: there is nothing to import.'));
      return;
    }
    const go = h('button', { type: 'button', class: 'button', onclick: async () => {
      go.disabled = true;
      try {
        await steady.dataImport.applyImport(plan);
        input.value = '';
        preview.replaceChildren(h('p', {}, importedWords(plan)));
        announce(importedWords(plan));
        done();
      } catch (error) {
        showProblem(parts, `Nothing was imported: ${error.message}`);
      }
    } }, 'Import');
    preview.replaceChildren(h('p', {}, planWords(plan)), h('div', { class: 'button-row' }, go, cancel));
  }

  /** Read a chosen export file and show what importing it would do, with its Import button. */
  async function previewFile(file, parts, done) {
    try {
      const plan = await steady.dataImport.planImport(await file.text());
      if (plan.error) showProblem(parts, `${plan.error} Nothing was imported.`);
      else showPlan(plan, parts, done);
    } catch (error) {
      showProblem(parts, `The file could not be read: ${error.message}`);
    }
  }

  steady.components.importPreview = { previewFile };
})(globalThis.steady);
