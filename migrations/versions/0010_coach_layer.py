"""coach layer: coach items over the built-in catalogue, retired flags, and the built-in versions a load stored

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 17:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

SERVED = ('exercise', 'routine')
ROUTINE_COLUMNS = ('slug', 'name', 'summary', 'format', 'rounds', 'work_seconds', 'rest_seconds', 'round_rest_seconds')
ITEM_COLUMNS = ('reps', 'reps_min', 'hold_seconds', 'work_seconds', 'note')


def upgrade():
    # Plain ADD COLUMNs: a batch rebuild of exercise would cascade-delete routine items on SQLite.
    for table in SERVED:
        op.add_column(table, sa.Column('retired', sa.Boolean(), server_default=sa.false(), nullable=False))
        op.add_column(table, sa.Column('built_in', sa.JSON(), nullable=True))
        op.add_column(table, sa.Column('built_in_retired', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column('catalog_state', sa.Column('built_in_version', sa.String(length=64), nullable=True))
    op.create_table(
        'coach_items',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('slug', sa.String(length=80), nullable=False),
        sa.Column('draft', sa.JSON(), nullable=True),
        sa.Column('published', sa.JSON(), nullable=True),
        sa.Column('video', sa.JSON(), nullable=True),
        sa.Column('retired', sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_coach_items'),
        sa.UniqueConstraint('kind', 'slug', name='uq_coach_items_kind'),
    )
    _keep_built_in_versions()


def _keep_built_in_versions():
    """Everything stored so far came from the content files: it is the built-in version of each item."""
    meta = sa.MetaData()
    exercise, routine, item, state = (sa.Table(name, meta, autoload_with=op.get_bind())
                                      for name in ('exercise', 'routine', 'routine_item', 'catalog_state'))
    bind = op.get_bind()
    slugs = {}
    for row in bind.execute(sa.select(exercise)).mappings():
        slugs[row['id']] = row['slug']
        served = {'slug': row['slug'], 'name': row['name'], 'summary': row['summary'], 'unilateral': row['unilateral'],
                  **row['card'], 'video': row['video']}
        bind.execute(exercise.update().where(exercise.c.id == row['id']).values(built_in=served))
    for row in bind.execute(sa.select(routine)).mappings():
        items = bind.execute(sa.select(item).where(item.c.routine_id == row['id']).order_by(item.c.position)).mappings()
        served = {**{key: row[key] for key in ROUTINE_COLUMNS}, **row['details'],
                  'items': [{'exercise': slugs[i['exercise_id']], **{key: i[key] for key in ITEM_COLUMNS}} for i in items]}
        bind.execute(routine.update().where(routine.c.id == row['id']).values(built_in=served))
    bind.execute(state.update().values(built_in_version=state.c.version))


def downgrade():
    op.drop_table('coach_items')
    # SQLite (3.35+) drops a column in place; Alembic's own way rebuilds the table (see upgrade).
    op.execute('ALTER TABLE catalog_state DROP COLUMN built_in_version')
    for table in SERVED:
        for column in ('built_in_retired', 'built_in', 'retired'):
            op.execute(f'ALTER TABLE {table} DROP COLUMN {column}')
