"""coaches: an operator-granted coach role on accounts, and the record of what coaches did

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 17:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    # A plain ADD COLUMN: a batch rebuild of users would drop the table, and on SQLite with foreign
    # keys on that deletes every row that cascades from it.
    op.add_column('users', sa.Column('is_coach', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_table(
        'coach_actions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('coach_id', sa.Uuid(), nullable=False),
        sa.Column('coach_email', sa.String(length=254), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('slug', sa.String(length=80), nullable=False),
        sa.Column('action', sa.String(length=20), nullable=False),
        sa.Column('detail', sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint('id', name='pk_coach_actions'),
    )
    op.create_index('ix_coach_actions_item', 'coach_actions', ['kind', 'slug', 'id'])


def downgrade():
    op.drop_index('ix_coach_actions_item', table_name='coach_actions')
    op.drop_table('coach_actions')
    # SQLite (3.35+) drops a column in place; Alembic's own way rebuilds the table (see upgrade).
    op.execute('ALTER TABLE users DROP COLUMN is_coach')
