"""program layer: programs get a retired flag and the built-in version a load stored, like routines

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 19:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('program', sa.Column('retired', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column('program', sa.Column('built_in', sa.JSON(), nullable=True))
    op.add_column('program', sa.Column('built_in_retired', sa.Boolean(), server_default=sa.false(), nullable=False))
    # Every program stored so far came from the content files: it is the built-in version.
    program = sa.Table('program', sa.MetaData(), autoload_with=op.get_bind())
    bind = op.get_bind()
    for row in bind.execute(sa.select(program)).mappings():
        served = {'slug': row['slug'], 'name': row['name'], 'summary': row['summary'], **row['details']}
        bind.execute(program.update().where(program.c.id == row['id']).values(built_in=served))


def downgrade():
    # SQLite (3.35+) drops a column in place, as 0010 does.
    for column in ('built_in_retired', 'built_in', 'retired'):
        op.execute(f'ALTER TABLE program DROP COLUMN {column}')
