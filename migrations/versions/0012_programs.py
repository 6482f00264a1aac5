"""programs: the catalogue's multi-week programs, and the runner's synced enrolments in them

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 17:45:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), 'postgresql')


def upgrade():
    op.create_table(
        'program',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('slug', sa.String(length=80), nullable=False),
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.Column('summary', sa.Text(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('details', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_program'),
        sa.UniqueConstraint('slug', name='uq_program_slug'),
    )
    op.create_table(
        'enrolment_record',
        sa.Column('user_id', sa.Uuid(), sa.ForeignKey('users.id', ondelete='CASCADE',
                                                      name='fk_enrolment_record_user_id_users'), nullable=False),
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.Column('deleted', sa.Boolean(), nullable=False),
        sa.Column('data', DOCUMENT, nullable=True),
        sa.Column('fields', DOCUMENT, nullable=False),
        sa.Column('conflicts', DOCUMENT, nullable=False),
        sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('user_id', 'id', name='pk_enrolment_record'),
    )
    op.create_index('ix_enrolment_record_user_id_version', 'enrolment_record', ['user_id', 'version'], unique=True)
    op.create_index('ix_enrolment_record_id', 'enrolment_record', ['id'])


def downgrade():
    op.drop_index('ix_enrolment_record_id', table_name='enrolment_record')
    op.drop_index('ix_enrolment_record_user_id_version', table_name='enrolment_record')
    op.drop_table('enrolment_record')
    op.drop_table('program')
