"""visits (网格走访): visit rules, visits, 七必报 items, photos, per-resident summary, grid workers

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.triggers import create_append_only_triggers

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# "五必访": visited every month; a phone call does not count (desktop.visits.rules.DEFAULT_RULES).
DEFAULT_RULES = ('困难家庭', '重点帮扶', '失业人员', '独居老人', '流动党员')
APPEND_ONLY = ('visit', 'visit_report', 'visit_photo')


def upgrade() -> None:
    op.create_table('visit_rule',
    sa.Column('tag_name', sa.String(length=32), nullable=False),
    sa.Column('frequency', sa.String(length=16), nullable=False),
    sa.Column('phone_counts', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("frequency IN ('weekly', 'monthly', 'quarterly', 'none')", name=op.f('ck_visit_rule_frequency_known')),
    sa.PrimaryKeyConstraint('tag_name', name=op.f('pk_visit_rule'))
    )
    op.create_table('visit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('resident_id', sa.Integer(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('visited_on', sa.Date(), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=False),
    sa.Column('visitor_id', sa.Integer(), nullable=False),
    sa.Column('companions', sa.String(length=200), nullable=False),
    sa.Column('findings', sa.Text(), nullable=False),
    sa.Column('supersedes_id', sa.Integer(), nullable=True),
    sa.Column('withdrawn', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.CheckConstraint("method IN ('home', 'phone', 'centre')", name=op.f('ck_visit_method_known')),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_visit_grid_id_grid')),
    sa.ForeignKeyConstraint(['recorded_by'], ['app_user.id'], name=op.f('fk_visit_recorded_by_app_user')),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], name=op.f('fk_visit_resident_id_resident')),
    sa.ForeignKeyConstraint(['supersedes_id'], ['visit.id'], name=op.f('fk_visit_supersedes_id_visit')),
    sa.ForeignKeyConstraint(['visitor_id'], ['app_user.id'], name=op.f('fk_visit_visitor_id_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit')),
    sa.UniqueConstraint('supersedes_id', name='uq_visit_supersedes_id')
    )
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.create_index('ix_visit_resident', ['resident_id', 'visited_on'], unique=False)
        batch_op.create_index('ix_visit_visited_on', ['visited_on', 'grid_id'], unique=False)
        batch_op.create_index('ix_visit_visitor', ['visitor_id', 'visited_on'], unique=False)
    op.create_table('visit_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('item', sa.String(length=24), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['request_id'], ['request.id'], name=op.f('fk_visit_report_request_id_request')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_visit_report_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_report')),
    sa.UniqueConstraint('visit_id', 'item', name='uq_visit_report_visit_item')
    )
    with op.batch_alter_table('visit_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_report_visit_id'), ['visit_id'], unique=False)
    op.create_table('visit_photo',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_visit_photo_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_photo'))
    )
    with op.batch_alter_table('visit_photo', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_photo_visit_id'), ['visit_id'], unique=False)
    op.create_table('visit_summary',
    sa.Column('resident_id', sa.Integer(), nullable=False),
    sa.Column('last_on', sa.Date(), nullable=True),
    sa.Column('last_in_person_on', sa.Date(), nullable=True),
    sa.Column('last_visit_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['last_visit_id'], ['visit.id'], name=op.f('fk_visit_summary_last_visit_id_visit')),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], name=op.f('fk_visit_summary_resident_id_resident')),
    sa.PrimaryKeyConstraint('resident_id', name=op.f('pk_visit_summary'))
    )
    op.create_table('grid_worker',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_grid_worker_grid_id_grid')),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_grid_worker_user_id_app_user')),
    sa.PrimaryKeyConstraint('user_id', 'grid_id', name=op.f('pk_grid_worker'))
    )
    with op.batch_alter_table('grid_worker', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grid_worker_grid_id'), ['grid_id'], unique=False)
    rules = sa.table(
        'visit_rule',
        sa.column('tag_name', sa.String),
        sa.column('frequency', sa.String),
        sa.column('phone_counts', sa.Boolean),
    )
    op.bulk_insert(rules, [{'tag_name': n, 'frequency': 'monthly', 'phone_counts': False} for n in DEFAULT_RULES])
    conn = op.get_bind()
    for table in APPEND_ONLY:
        create_append_only_triggers(conn, table)


def downgrade() -> None:
    op.drop_table('grid_worker')
    op.drop_table('visit_summary')
    with op.batch_alter_table('visit_photo', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_photo_visit_id'))
    op.drop_table('visit_photo')
    with op.batch_alter_table('visit_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_report_visit_id'))
    op.drop_table('visit_report')
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_index('ix_visit_visitor')
        batch_op.drop_index('ix_visit_visited_on')
        batch_op.drop_index('ix_visit_resident')
    op.drop_table('visit')
    op.drop_table('visit_rule')
