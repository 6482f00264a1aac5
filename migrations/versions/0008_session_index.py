"""progress: a compact index of each runner's sessions (per-day counts, per-session exercises) and the streak carry

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 14:50:00

"""
from collections import Counter

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), 'postgresql')
BATCH = 2000


def _ordered_text(length):
    # Compared and indexed code point by code point, as the rules compare them.
    return sa.String(length=length).with_variant(sa.String(length=length, collation='C'), 'postgresql')


def _user_id(table):
    return sa.Column('user_id', sa.Uuid(), sa.ForeignKey('users.id', ondelete='CASCADE',
                                                         name=f'fk_{table}_user_id_users'), nullable=False)


def upgrade():
    days = op.create_table(
        'session_day',
        _user_id('session_day'),
        sa.Column('local_date', _ordered_text(10), nullable=False),
        sa.Column('sessions', sa.Integer(), nullable=False),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('user_id', 'local_date', name='pk_session_day'),
    )
    op.create_index('ix_session_day_user_id_version', 'session_day', ['user_id', 'version'])
    exercises = op.create_table(
        'session_exercise',
        _user_id('session_exercise'),
        sa.Column('session_id', sa.Uuid(), nullable=False),
        sa.Column('exercise', sa.String(length=80), nullable=False),
        sa.Column('local_date', _ordered_text(10), nullable=False),
        sa.Column('started_at', _ordered_text(40), nullable=False),
        sa.PrimaryKeyConstraint('user_id', 'session_id', 'exercise', name='pk_session_exercise'),
    )
    op.create_index('ix_session_exercise_user_id_exercise', 'session_exercise',
                    ['user_id', 'exercise', 'local_date', 'started_at', 'session_id'])
    op.create_index('ix_session_exercise_user_id_local_date', 'session_exercise', ['user_id', 'local_date'])
    op.create_table(
        'streak_carry',
        _user_id('streak_carry'),
        sa.Column('week', _ordered_text(10), nullable=False),
        sa.Column('carry', sa.JSON(), nullable=False),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('user_id', 'week', name='pk_streak_carry'),
    )
    _backfill(days, exercises)


def _backfill(days, exercises):
    # The sessions already stored, as server/progress/session_index.py indexes each one sync writes.
    # Written out here, not imported: a migration stays what it was when it ran.
    sessions = sa.table('session_record', sa.column('user_id', sa.Uuid()), sa.column('id', sa.Uuid()),
                        sa.column('version', sa.BigInteger()), sa.column('deleted', sa.Boolean()),
                        sa.column('data', DOCUMENT))
    bind = op.get_bind()
    counts, versions = Counter(), {}
    rows = bind.execute(sa.select(sessions.c.user_id, sessions.c.id, sessions.c.version, sessions.c.data)
                        .where(sessions.c.deleted.is_(False)))
    while batch := rows.fetchmany(BATCH):
        worked = []
        for user_id, session_id, version, data in batch:
            entries = data.get('entries') if isinstance(data, dict) else None
            slugs = sorted({e['exercise'] for e in entries if isinstance(e, dict) and isinstance(e.get('exercise'), str)}) \
                if isinstance(entries, list) else []
            if not slugs:
                continue
            key = (user_id, data['local_date'])
            counts[key] += 1
            versions[key] = max(versions.get(key, 0), version)
            worked.extend({'user_id': user_id, 'session_id': session_id, 'exercise': slug,
                           'local_date': data['local_date'], 'started_at': data['started_at']} for slug in slugs)
        if worked:
            bind.execute(exercises.insert(), worked)
    if counts:
        bind.execute(days.insert(), [{'user_id': user_id, 'local_date': day, 'sessions': n, 'version': versions[(user_id, day)]}
                                     for (user_id, day), n in counts.items()])


def downgrade():
    op.drop_table('streak_carry')
    op.drop_index('ix_session_exercise_user_id_local_date', table_name='session_exercise')
    op.drop_index('ix_session_exercise_user_id_exercise', table_name='session_exercise')
    op.drop_table('session_exercise')
    op.drop_index('ix_session_day_user_id_version', table_name='session_day')
    op.drop_table('session_day')
