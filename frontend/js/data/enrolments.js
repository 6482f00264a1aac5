// The runner's enrolments in programs: one record per program, keyed here by its slug (sync sends
// it under the protocol's deterministic id, sync/records.js), checked by rules/enrolment.js and
// written through the outbox like every synced record. One program is followed at a time:
// enrolling in one leaves any other; leaving keeps the record (and every session stays logged).
(function (steady) {
  'use strict';
  const { recordStore, RecordInvalid } = steady.records;
  const store = recordStore({ store: steady.db.STORES.enrolments, entity: 'enrolment', keyPath: 'program' });

  /** Raised with the rule's [{field, message}] when an enrolment may not be stored. */
  class EnrolmentInvalid extends RecordInvalid {}

  const isActive = (record) => !record.left_on && !record.finished_on;

  function checked(record) {
    const errors = steady.rules.enrolment.validateEnrolment(record);
    return errors.length ? Promise.reject(new EnrolmentInvalid(errors)) : store.put(record);
  }

  /** Every enrolment on this device, by program slug. */
  function listEnrolments() {
    return store.list();
  }

  /** The enrolment being followed, or null; with two (enrolled on two devices offline), the later start. */
  async function activeEnrolment() {
    const active = (await store.list()).filter(isActive);
    active.sort((a, b) => (a.start_date < b.start_date ? 1 : a.start_date > b.start_date ? -1 : 0));
    return active[0] || null;
  }

  /** Enrol in `program` from `startDate` ('YYYY-MM-DD'), leaving any other program on `today`. */
  async function enrol(program, startDate, today) {
    const now = steady.localTime.isoInstant(Date.now());
    const record = { program, start_date: startDate, left_on: null, finished_on: null, updated_at: now };
    const errors = steady.rules.enrolment.validateEnrolment(record);
    if (errors.length) throw new EnrolmentInvalid(errors);
    for (const other of (await store.list()).filter(isActive)) {
      if (other.program !== program) await checked({ ...other, left_on: today, updated_at: now });
    }
    return store.put(record);
  }

  /** Leave `record`'s program on `today`; its history (the record, the sessions) is kept. */
  function leave(record, today) {
    return checked({ ...record, left_on: today, updated_at: steady.localTime.isoInstant(Date.now()) });
  }

  /** Record that `record`'s program was finished on `day`. */
  function markFinished(record, day) {
    const finished = day < record.start_date ? record.start_date : day;
    return checked({ ...record, finished_on: finished, updated_at: steady.localTime.isoInstant(Date.now()) });
  }

  steady.enrolments = { EnrolmentInvalid, isActive, listEnrolments, activeEnrolment, enrol, leave, markFinished };
})(globalThis.steady);
