"""clip jobs: a coach's uploaded clip, queued, converted in the background, and attached

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 17:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'clip_jobs',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('slug', sa.String(length=80), nullable=False),
        sa.Column('coach_id', sa.Uuid(), nullable=False),
        sa.Column('coach_email', sa.String(length=254), nullable=False),
        sa.Column('state', sa.String(length=10), nullable=False),
        sa.Column('progress', sa.Float(), nullable=True),
        sa.Column('error', sa.Text(), nullable=True),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('duration_s', sa.Float(), nullable=False),
        sa.Column('video', sa.JSON(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('heartbeat_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('worker', sa.String(length=120), nullable=True),
        sa.PrimaryKeyConstraint('id', name='pk_clip_jobs'),
    )
    op.create_index('ix_clip_jobs_slug', 'clip_jobs', ['slug', 'created_at'])
    op.create_index('ix_clip_jobs_state', 'clip_jobs', ['state', 'created_at'])


def downgrade():
    op.drop_index('ix_clip_jobs_state', table_name='clip_jobs')
    op.drop_index('ix_clip_jobs_slug', table_name='clip_jobs')
    op.drop_table('clip_jobs')
