"""Fixtures of the database tests: the next release's migrations."""

from __future__ import annotations

import shutil

import pytest

import db.migrate as migrate

NEXT_REVISION = '''"""a later release adds a table

Revision ID: 9001
Revises: {head}
"""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("upgrade_probe", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("upgrade_probe")
'''


@pytest.fixture
def next_release(tmp_path, monkeypatch) -> str:
    """Pretend to be the next release of the app: the real migrations plus one more."""
    head = migrate.head_revision()
    scripts = tmp_path / "next_release_migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9001_later_release.py").write_text(
        NEXT_REVISION.format(head=head), encoding="utf-8"
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)
    monkeypatch.setattr(migrate, "HEAD", "9001")
    assert migrate.head_revision() == "9001"
    return head
