"""reports (月度报表): narratives, the archive of generated reports, covering indexes

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (index, table, columns): covering indexes the report figures are counted from
# (db.models_reports.REPORT_INDEXES).
INDEXES: tuple[tuple[str, str, list[str]], ...] = (
    ('ix_request_report_category', 'request', ['category_id', 'channel', 'registered_at']),
    ('ix_request_report_level', 'request', ['level', 'registered_at']),
    ('ix_request_report_status', 'request', ['status', 'registered_at']),
    ('ix_request_report_visitors', 'request', ['registered_at', 'head_count']),
    ('ix_request_report_resolved', 'request', ['resolved_at', 'assigned_at', 'lead_department_id', 'level']),
    ('ix_request_report_due', 'request', ['due_at', 'clock', 'lead_department_id']),
    ('ix_request_report_closed', 'request', ['lead_department_id', 'satisfaction', 'closed_at']),
    ('ix_request_report_answered', 'request', ['lead_department_id', 'answered_at']),
    ('ix_request_event_report', 'request_event', ['action', 'on_time', 'at', 'request_id', 'round']),
    ('ix_request_event_assigned', 'request_event', ['action', 'department_id', 'at']),
    ('ix_follow_up_report', 'follow_up', ['satisfaction', 'done_at']),
    ('ix_service_record_served', 'service_record', ['status', 'served_on', 'volunteer_id', 'minutes', 'points']),
    ('ix_service_record_decided', 'service_record', ['status', 'decided_at', 'volunteer_id', 'minutes']),
    (
        'ix_ledger_entry_report',
        'ledger_entry',
        ['at', 'kind', 'redemption_id', 'reverses_id', 'delta', 'frozen_delta'],
    ),
    ('ix_redemption_created', 'redemption', ['created_at']),
    ('ix_redemption_closed', 'redemption', ['status', 'closed_at']),
    ('ix_service_order_report_closed', 'service_order', ['closed_at']),
    ('ix_service_order_report_finished', 'service_order', ['finished_at', 'provider_id', 'on_time']),
    ('ix_order_event_report', 'order_event', ['action', 'at', 'order_id']),
)


def upgrade() -> None:
    op.create_table('report_narrative',
    sa.Column('period', sa.String(length=16), nullable=False),
    sa.Column('done', sa.Text(), nullable=False),
    sa.Column('problems', sa.Text(), nullable=False),
    sa.Column('plans', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['updated_by'], ['app_user.id'], name=op.f('fk_report_narrative_updated_by_app_user')),
    sa.PrimaryKeyConstraint('period', name=op.f('pk_report_narrative'))
    )
    op.create_table('report_archive',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=16), nullable=False),
    sa.Column('cutoff', sa.DateTime(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('figures', sa.Text(), nullable=False),
    sa.Column('narrative', sa.Text(), nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=False),
    sa.Column('pdf_sha256', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['app_user.id'], name=op.f('fk_report_archive_created_by_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_archive'))
    )
    with op.batch_alter_table('report_archive', schema=None) as batch_op:
        batch_op.create_index('ix_report_archive_period', ['period', 'id'], unique=False)
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
    with op.batch_alter_table('report_archive', schema=None) as batch_op:
        batch_op.drop_index('ix_report_archive_period')
    op.drop_table('report_archive')
    op.drop_table('report_narrative')
