"""sync: synced training records, per-user version counters, sync clients and rejections

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 09:00:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

RECORDS = ('session_record', 'routine_record', 'settings_record', 'level_record')
DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), 'postgresql')


def _user_id(table):
    return sa.Column('user_id', sa.Uuid(), sa.ForeignKey('users.id', ondelete='CASCADE',
                                                         name=f'fk_{table}_user_id_users'), nullable=False)


def upgrade():
    for table in RECORDS:
        op.create_table(
            table,
            _user_id(table),
            sa.Column('id', sa.Uuid(), nullable=False),
            sa.Column('version', sa.BigInteger(), nullable=False),
            sa.Column('deleted', sa.Boolean(), nullable=False),
            sa.Column('data', DOCUMENT, nullable=True),
            sa.Column('fields', DOCUMENT, nullable=False),
            sa.Column('conflicts', DOCUMENT, nullable=False),
            sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint('user_id', 'id', name=f'pk_{table}'),
        )
        op.create_index(f'ix_{table}_user_id_version', table, ['user_id', 'version'], unique=True)
        op.create_index(f'ix_{table}_id', table, ['id'])
    op.create_table(
        'sync_user',
        _user_id('sync_user'),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.Column('purged_version', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('user_id', name='pk_sync_user'),
    )
    op.create_table(
        'sync_client',
        _user_id('sync_client'),
        sa.Column('client_id', sa.Uuid(), nullable=False),
        sa.Column('last_mutation_id', sa.BigInteger(), nullable=False),
        sa.Column('snapshot_version', sa.BigInteger(), nullable=True),
        sa.Column('snapshot_cursor', sa.BigInteger(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('user_id', 'client_id', name='pk_sync_client'),
    )
    op.create_index('ix_sync_client_client_id', 'sync_client', ['client_id'])
    op.create_table(
        'sync_rejection',
        _user_id('sync_rejection'),
        sa.Column('client_id', sa.Uuid(), nullable=False),
        sa.Column('mutation_id', sa.BigInteger(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('user_id', 'client_id', 'mutation_id', name='pk_sync_rejection'),
    )


def downgrade():
    op.drop_table('sync_rejection')
    op.drop_index('ix_sync_client_client_id', table_name='sync_client')
    op.drop_table('sync_client')
    op.drop_table('sync_user')
    for table in reversed(RECORDS):
        op.drop_index(f'ix_{table}_id', table_name=table)
        op.drop_index(f'ix_{table}_user_id_version', table_name=table)
        op.drop_table(table)
