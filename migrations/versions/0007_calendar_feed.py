"""calendar feed: one private, revocable calendar link per account (only its hash is kept)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 12:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'calendar_feed',
        sa.Column('user_id', sa.Uuid(), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name='fk_calendar_feed_user_id_users', ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('user_id', name='pk_calendar_feed'),
        sa.UniqueConstraint('token_hash', name='uq_calendar_feed_token_hash'),
    )


def downgrade():
    op.drop_table('calendar_feed')
