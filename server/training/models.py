"""The runner's synced training records: sessions, own routines, settings, exercise levels and program enrolments."""

from sqlalchemy import Index

from server.accounts.ownership import register_owned
from server.extensions import db
from server.sync.models import DocumentText, SyncedRecord


class SessionRecord(SyncedRecord, db.Model):
    """A logged session (``data`` is the session record of the player and log; its id is the record's id)."""

    __tablename__ = "session_record"


# The fields the progress API reads from every live session (server/progress/service.py), in an index
# on SQLite, whose JSON is text it would parse once a row; PostgreSQL's JSONB reads a field without that.
SESSION_DATES = ("local_date", "started_at", "time_zone")
Index("ix_session_record_user_id_dates", SessionRecord.user_id, SessionRecord.deleted,
      *(DocumentText(SessionRecord.data, key) for key in SESSION_DATES)).ddl_if(dialect="sqlite")


class RoutineRecord(SyncedRecord, db.Model):
    """A routine the runner built."""

    __tablename__ = "routine_record"


class SettingsRecord(SyncedRecord, db.Model):
    """The runner's settings: one record per user, at a deterministic id."""

    __tablename__ = "settings_record"


class LevelRecord(SyncedRecord, db.Model):
    """The runner's level on one exercise, at a deterministic id per exercise."""

    __tablename__ = "level_record"


class EnrolmentRecord(SyncedRecord, db.Model):
    """The runner's enrolment in one program, at a deterministic id per program."""

    __tablename__ = "enrolment_record"


# Account export and deletion cover every synced entity: the records as the device stores them.
for _name, _model in (("sessions", SessionRecord), ("routines", RoutineRecord), ("settings", SettingsRecord),
                      ("levels", LevelRecord), ("enrolments", EnrolmentRecord)):
    register_owned(_name, _model, lambda row: row.data, where=_model.deleted.is_(False))
