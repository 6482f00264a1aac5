// Sync's notes shown where the record is: "not saved to your account", and each field edited on
// another device, with the other value and a choice between the two.
(function (steady) {
  'use strict';
  const { h, announce } = steady.dom;

  const shown = (value) => (value === null || value === undefined ? 'nothing'
    : typeof value === 'object' ? 'a different version' : `“${value}”`);

  function conflictNote(entity, record, field, other, { save, label, done }) {
    const pick = (value) => async () => {
      await save(field, value);
      await steady['syncNotes'].settleConflict(entity, record.id, field);
      announce(`${label(field)}: kept one version.`);
      done();
    };
    return h('div', { class: 'sync-note', role: 'group', 'aria-label': `${label(field)}, edited on another device` },
      h('p', {}, h('strong', {}, `${label(field)}: edited on another device.`), ` The other version: ${shown(other)}.`),
      h('div', { class: 'button-row' },
        h('button', { type: 'button', class: 'button', onclick: pick(other) }, 'Use the other version'),
        h('button', { type: 'button', class: 'button button-quiet', onclick: pick(record[field]) }, 'Keep this version')));
  }

  // The notes come with the sync bundle, loaded only once an account is in use (looked up by name, like a screen's view).
  function readNotes(entity, id) {
    return steady.syncStatus.syncInUse().then((inUse) => (inUse ? steady['syncNotes'].readSyncNotes(entity, id) : { conflicts: {} }));
  }

  const refusal = (rejected, what) => h('p', { class: 'sync-note', role: 'alert' }, `${what}Not saved to your account: ${rejected}`);

  /** The sync notes of `record` (of `entity`), filled in once read: `save(field, value)` stores a picked
   * version, `label` names a field, `done` re-renders; `what` prefixes the refusal ("Settings: "). */
  function syncNotes(entity, record, options) {
    const node = h('div', { class: 'sync-notes' });
    readNotes(entity, record.id).then(({ rejected, conflicts }) => node.replaceChildren(...[
      rejected ? refusal(rejected, options.what || '') : null,
      ...Object.entries(conflicts).map(([field, other]) => conflictNote(entity, record, field, other, options)),
    ].filter(Boolean))).catch(() => undefined); // notes are extra: the record itself is already shown
    return node;
  }

  /** One line for a record listed among others: why it was refused, or that it has a choice to make at `href`. */
  function syncNoteLine(entity, record, href) {
    const node = h('div', { class: 'sync-notes' });
    readNotes(entity, record.id).then(({ rejected, conflicts }) => {
      const fields = Object.keys(conflicts).length;
      node.replaceChildren(...[
        rejected ? refusal(rejected, '') : null,
        fields ? h('p', { class: 'sync-note' }, 'Edited on another device: ', h('a', { href }, 'choose which version to keep')) : null,
      ].filter(Boolean));
    }).catch(() => undefined);
    return node;
  }

  steady.components.syncNotes = syncNotes;
  steady.components.syncNoteLine = syncNoteLine;
})(globalThis.steady);
