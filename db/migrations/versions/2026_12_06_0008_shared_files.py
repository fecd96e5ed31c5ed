"""several desks at once: attachments in the database, a change counter per topic, a
version on the resident record

- ``stored_file``: the bytes of attachments keyed by SHA-256, so every PC sharing a
  PostgreSQL server opens what another added (``desktop.common.attachments``);
- ``change_counter``: one version per topic, raised by each committed write, which other
  desks poll to refresh their pages (``db.change_counter``);
- ``resident.version``: a form opened before another desk saved the record is refused
  with who changed it and when, instead of overwriting it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'stored_file',
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('size', sa.BigInteger(), nullable=False),
        sa.Column('content', sa.LargeBinary(), nullable=False),
        sa.Column('added_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('sha256', name=op.f('pk_stored_file')),
    )
    op.create_table(
        'change_counter',
        sa.Column('topic', sa.String(length=32), nullable=False),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('topic', name=op.f('pk_change_counter')),
    )
    # A constant default: SQLite adds the column in place (no table copy).
    with op.batch_alter_table('resident', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('resident', schema=None) as batch_op:
        batch_op.drop_column('version')
    op.drop_table('change_counter')
    op.drop_table('stored_file')
