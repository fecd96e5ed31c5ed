"""Narratives kept per period, the archive of generated reports (a reprint is the same
document after later changes; a fresh run tells what changed), and ``main.py report``."""

from __future__ import annotations

import datetime as dt
import shutil

import openpyxl
import pytest

import main
from desktop.common.errors import DomainError, FieldErrors
from desktop.reports.narrative import SECTION_MAX, Narrative
from tests.desktop.reports.conftest import CUTOFF
from tests.pdf_support import needs_poppler, needs_wqy, page_texts

pytestmark = [needs_wqy, needs_poppler, pytest.mark.slow]


def test_narratives_are_kept_per_period(october_sqlite, audit_rows):
    w = october_sqlite
    assert w.reports.narrative(w.director, "2026-10") == Narrative()
    saved = w.reports.save_narrative(w.director, "2026-10", Narrative(" 完成了 ", "问题", "计划"))
    assert saved == Narrative("完成了", "问题", "计划")
    assert w.reports.narrative(w.director, "2026-10") == saved
    assert w.reports.narrative(w.director, "2026-09") == Narrative()
    assert audit_rows(w.services)[-1].entity == "report_narrative"
    with pytest.raises(FieldErrors):
        w.reports.save_narrative(w.director, "2026-10", Narrative(done="字" * (SECTION_MAX + 1)))


def test_an_archived_report_reprints_as_it_was_and_a_fresh_run_shows_what_changed(october_sqlite, tmp_path):
    w = october_sqlite
    w.reports.save_narrative(w.director, "2026-10", Narrative("国庆值守", "", ""))
    with pytest.raises(DomainError):
        w.reports.archive(w.director, "2026-11")  # November is not over at the cut-off
    kept = w.reports.archive(w.director, "2026-10")
    assert (kept.period, kept.cutoff, kept.narrative.done) == ("2026-10", CUTOFF, "国庆值守")
    assert kept.figures["registered"] == 4 and kept.figures["resolve_on_time"] == pytest.approx(60.0)
    first = tmp_path / "first.pdf"
    w.reports.write_archived_pdf(w.director, kept.id, first)
    # Late news: R3 is resolved on 3 November.
    w.clock.now = dt.datetime(2026, 11, 3, 10, 0)
    from desktop.requests.service import RequestService

    RequestService(w.services.db, tmp_path / "a", now=w.clock).resolve(w.desk, w.requests["R3"])
    again = tmp_path / "again.pdf"
    w.reports.write_archived_pdf(w.director, w.reports.archived(w.director, "2026-10").id, again)
    assert again.read_bytes() == first.read_bytes()
    changes = {c.key: (c.archived, c.now) for c in w.reports.changes_since_archive(w.director, "2026-10")}
    assert changes["resolution_rate"] == (50.0, 75.0)  # R3 now resolved too
    assert "registered" not in changes
    assert [a.id for a in w.reports.archived_reports(w.director)] == [kept.id]


def test_report_command_writes_the_pdf_and_the_workbook(october_sqlite, tmp_path, capsys):
    db = october_sqlite.services.db.url.removeprefix("sqlite:///")
    pdf, xlsx = tmp_path / "十月.pdf", tmp_path / "十月.xlsx"
    code = main.main(["report", "--month", "2026-10", "--out", str(pdf), "--xlsx", str(xlsx), "--db", db])
    assert code == 0, capsys.readouterr().err
    assert "报告期：2026年10月" in "".join(page_texts(pdf))
    assert openpyxl.load_workbook(xlsx)["主要指标"]["C2"].value == 4
    assert main.main(["report", "--quarter", "2026-Q4", "--out", str(tmp_path / "q.pdf"), "--db", db]) == 0
    assert main.main(["report", "--year", "2026", "--out", str(tmp_path / "y.pdf"), "--db", db]) == 0


@pytest.mark.slow
def test_report_command_prints_the_sections_the_app_composes(demo_file, tmp_path, capsys):
    """The visits job adds its 网格走访 section through the composed report service; the
    command must print it as the app does (it once built a bare service of its own)."""
    db = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, db)
    month = dt.date.today().strftime("%Y-%m")
    assert main.main(["report", "--month", month, "--out", str(tmp_path / "r.pdf"), "--db", str(db)]) == 0
    assert "网格走访" in "".join(page_texts(tmp_path / "r.pdf")), capsys.readouterr().err


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--month", "2026-13"], "1 to 12"),
        (["--quarter", "2026-10"], "2026-Q3"),
        (["--month", "2026-10", "--xlsx", "nowhere/x.xlsx"], "does not exist"),
        (["--month", "2026-10", "--xlsx", "x.csv"], ".xlsx"),
    ],
)
def test_report_command_fails_clearly_and_writes_nothing(october_sqlite, tmp_path, capsys, argv, message):
    db = october_sqlite.services.db.url.removeprefix("sqlite:///")
    out = tmp_path / "r.pdf"
    argv = [a.replace("nowhere", str(tmp_path / "nowhere")) for a in argv]
    assert main.main(["report", *argv, "--out", str(out), "--db", db]) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_a_build_that_fails_half_way_leaves_no_file(october_sqlite, tmp_path, monkeypatch, capsys):
    import desktop.reports.pdf_charts as charts

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(charts, "pie_chart", broken)
    db = october_sqlite.services.db.url.removeprefix("sqlite:///")
    folder = tmp_path / "out"
    folder.mkdir()
    assert main.main(["report", "--month", "2026-10", "--out", str(folder / "r.pdf"), "--db", db]) == 2
    assert "disk on fire" in capsys.readouterr().err
    assert list(folder.iterdir()) == []  # not even a temporary file
