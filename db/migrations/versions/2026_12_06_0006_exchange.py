"""exchange (Excel in and out): a merged resident points at the record it was merged into

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Batch mode: SQLite cannot add a named foreign key to an existing table in place.
    with op.batch_alter_table('resident', schema=None) as batch_op:
        batch_op.add_column(sa.Column('merged_into_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_resident_merged_into_id_resident'), 'resident', ['merged_into_id'], ['id']
        )


def downgrade() -> None:
    with op.batch_alter_table('resident', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_resident_merged_into_id_resident'), type_='foreignkey')
        batch_op.drop_column('merged_into_id')
