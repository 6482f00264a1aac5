"""constraint names

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 08:30:00

Gives every existing constraint the name the metadata's naming convention gives it
(``server/extensions.py``), so later migrations can address constraints by name.
PostgreSQL renames in place; SQLite cannot rename a constraint, so each table is rebuilt
in batch mode with foreign keys off (a rebuilt parent table would otherwise cascade
deletes into its children).

A database created after the convention arrived already has these names; the
upgrade then changes nothing. The downgrade restores the names 0002 left: PostgreSQL's
own, and none on SQLite.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

TABLES = ['catalog_state', 'source', 'exercise', 'routine', 'routine_item']

# (table, name under the convention, the name PostgreSQL gave it before)
NAMES = [
    ('catalog_state', 'pk_catalog_state', 'catalog_state_pkey'),
    ('source', 'pk_source', 'source_pkey'),
    ('source', 'uq_source_key', 'source_key_key'),
    ('exercise', 'pk_exercise', 'exercise_pkey'),
    ('exercise', 'uq_exercise_slug', 'exercise_slug_key'),
    ('routine', 'pk_routine', 'routine_pkey'),
    ('routine', 'uq_routine_slug', 'routine_slug_key'),
    ('routine_item', 'pk_routine_item', 'routine_item_pkey'),
    ('routine_item', 'uq_routine_item_routine_id', 'routine_item_routine_id_position_key'),
    ('routine_item', 'fk_routine_item_exercise_id_exercise', 'routine_item_exercise_id_fkey'),
    ('routine_item', 'fk_routine_item_routine_id_routine', 'routine_item_routine_id_fkey'),
]

CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def upgrade():
    if op.get_bind().dialect.name == 'postgresql':
        _rename_on_postgres([(table, old, new) for table, new, old in NAMES])
    else:
        _rebuild_on_sqlite(named=True)


def downgrade():
    if op.get_bind().dialect.name == 'postgresql':
        _rename_on_postgres(NAMES)
    else:
        _rebuild_on_sqlite(named=False)


def _rename_on_postgres(renames):
    bind = op.get_bind()
    for table, old, new in renames:
        present = bind.execute(
            sa.text("SELECT 1 FROM pg_constraint WHERE conrelid = CAST(:table AS regclass) AND conname = :name"),
            {'table': table, 'name': old},
        ).scalar()
        if present:
            op.execute(f'ALTER TABLE {table} RENAME CONSTRAINT {old} TO {new}')


def _rebuild_on_sqlite(named):
    # PRAGMA foreign_keys only takes effect outside a transaction.
    with op.get_context().autocommit_block():
        op.execute('PRAGMA foreign_keys=OFF')
    for table in TABLES:
        if named:
            # Reflected unnamed constraints take their names from the convention.
            with op.batch_alter_table(table, recreate='always', naming_convention=CONVENTION):
                pass
        else:
            with op.batch_alter_table(table, recreate='always', copy_from=_unnamed(table)):
                pass
    with op.get_context().autocommit_block():
        op.execute('PRAGMA foreign_keys=ON')


def _unnamed(table):
    """The table as it is now, with every constraint's name taken away."""
    reflected = sa.Table(table, sa.MetaData(), autoload_with=op.get_bind())
    for constraint in reflected.constraints:
        constraint.name = None
    return reflected
