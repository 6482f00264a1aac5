"""progress: on SQLite, an index on each session's local_date, started_at and time_zone

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 12:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# The expressions exactly as server.sync.models.DocumentText writes them for SQLite, so the query matches.
FIELDS = ("local_date", "started_at", "time_zone")


def upgrade():
    # SQLite's JSON is text, parsed once a row per field read; PostgreSQL's JSONB needs no such index.
    if op.get_bind().dialect.name == 'sqlite':
        op.create_index('ix_session_record_user_id_dates', 'session_record',
                        ['user_id', 'deleted', *(sa.text(f"json_extract(data, '$.{key}')") for key in FIELDS)])


def downgrade():
    if op.get_bind().dialect.name == 'sqlite':
        op.drop_index('ix_session_record_user_id_dates', table_name='session_record')
