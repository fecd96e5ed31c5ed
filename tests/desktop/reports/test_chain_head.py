"""The monthly report prints the audit log's head (row count, last id and hash) at its
cut-off, so the paper anchors the chain: rows deleted from its end later show (issue 11)."""

from __future__ import annotations

import pytest

from db import audit
from tests.pdf_support import needs_poppler, needs_wqy, page_texts

pytestmark = [needs_wqy, needs_poppler, pytest.mark.slow]


def test_the_report_prints_the_chain_head(october_sqlite, tmp_path):
    w = october_sqlite
    path = tmp_path / "report.pdf"
    figures = w.reports.build_pdf(w.director, "2026-10", path)
    with w.services.db.reading() as uow:
        head = audit.head(uow.session)
    assert figures.chain_head == head and head is not None and head.count > 10
    text = "".join(page_texts(path)).replace(" ", "").replace("\n", "")
    assert f"操作日志校验：截至制表时共{head.count}条记录，末条编号{head.id}，末条哈希{head.hash}" in text
