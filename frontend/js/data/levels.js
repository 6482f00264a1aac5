// The runner's progression level on each exercise: one record per exercise, keyed here by its slug
// (sync sends it under the protocol's deterministic id, sync/records.js), checked by rules/level.js
// and written through the outbox like every synced record.
(function (steady) {
  'use strict';
  const { recordStore, RecordInvalid } = steady.records;
  const store = recordStore({ store: steady.db.STORES.levels, entity: 'level', keyPath: 'exercise' });
  const DAY_MS = 24 * 60 * 60 * 1000;

  /** Raised with the rule's [{field, message}] when a level may not be stored. */
  class LevelInvalid extends RecordInvalid {}

  /** One exercise's level record, or null before the runner has set one. */
  function getLevel(slug) {
    return store.get(slug);
  }

  /** Every level record, by exercise slug. */
  async function levelsBySlug() {
    return new Map((await store.list()).map((level) => [level.exercise, level]));
  }

  /** Store the rung and dose the runner takes on (or keeps, declining a suggestion) from now on;
   * `since` is now, so only sessions after it count toward the next suggestion. */
  function setLevel({ exercise, rung, dose }) {
    const now = steady.localTime.isoInstant(Date.now());
    const record = { exercise, rung, dose, since: now, updated_at: now };
    const errors = steady.rules.level.validateLevel(record);
    if (errors.length) return Promise.reject(new LevelInvalid(errors));
    return store.put(record);
  }

  /** Where the runner stands on `exercise`'s ladder (rules/progression.js), from its level and the
   * sessions logged since it was set; null for an exercise with no ladder. */
  async function standing(exercise) {
    if (!exercise || !exercise.ladder) return null;
    const level = await getLevel(exercise.slug);
    const since = level && steady.rules.session.instantMillis(level.since);
    // A local date is at most a day either side of the instant; the rule itself compares instants.
    const sessions = since === null || since === undefined ? await steady.sessions.listSessions()
      : await steady.sessions.listSessionsSince(new Date(since - DAY_MS).toISOString().slice(0, 10));
    return steady.rules.progression.progression(exercise.ladder, level, sessions, exercise.unilateral);
  }

  /** What the runner's level prescribes for `exercise` ({rung, label, conditions, dose, target}), or null with no level or ladder. */
  function prescribed(exercise, level) {
    if (!exercise || !exercise.ladder || !level) return null;
    return steady.rules.progression.progression(exercise.ladder, level, [], exercise.unilateral).prescription;
  }

  steady.levels = { LevelInvalid, getLevel, levelsBySlug, setLevel, standing, prescribed };
})(globalThis.steady);
