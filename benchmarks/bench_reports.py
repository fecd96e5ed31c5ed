"""Benchmark of the monthly report at district scale (1,000,000 requests, 20,000 volunteers
with their ledger): all figures of a month, the whole PDF, the Excel workbook.

Prints medians next to two anchors measured in the same run, so a figure taken on a busy
or a slower machine can be judged: the monthly aggregate the design measured at 0.04 s
("count and sum of a month's requests over a covering index") and a fixed piece of pure
Python work. The figures are written in docs/performance.md.

    uv run main.py demo --scale district --db /tmp/district.sqlite3     # once, minutes
    uv run python benchmarks/bench_reports.py [--db FILE] [--month 2026-11] [--runs N]

Without ``--month`` the last full month of the data is used (the busiest of the demo).
The database is upgraded first if needed (the reports' covering indexes come with
revision 0005).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_residents import ensure_db  # noqa: E402

TARGET_FIGURES = 0.5
TARGET_PDF = 3.0


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """(median, best, CPU median) in seconds; CPU counts every thread of the process."""
    walls, cpus = [], []
    for _ in range(runs):
        c, t = time.process_time(), time.perf_counter()
        fn()
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), min(walls), statistics.median(cpus)


def python_anchor() -> None:
    total = 0
    for i in range(2_000_000):
        total += i * i % 7
    assert total


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "district.sqlite3")
    parser.add_argument("--month", help="e.g. 2026-11 (default: the last full month of the data)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    ensure_db(args.db)

    from sqlalchemy import func, select

    from db.models import Request
    from desktop.common.permissions import SYSTEM
    from desktop.opening import open_database
    from desktop.reports import periods
    from desktop.reports.service import ReportService

    started = time.perf_counter()
    services = open_database(args.db, backup_dir=None)
    print(f"database: {args.db} (opened/upgraded in {time.perf_counter() - started:.1f} s)")
    with services.db.reading() as uow:
        newest = uow.session.scalar(select(func.max(Request.registered_at)))
        total = uow.session.scalar(select(func.count()).select_from(Request))
    period = periods.parse(args.month) if args.month else periods.containing(newest.date()).previous()
    cutoff = max(newest, period.end_moment) + dt.timedelta(hours=1)
    reports = ReportService(services.db, now=lambda: cutoff)
    start, end = period.window(cutoff)
    with services.db.reading() as uow:
        month = uow.session.scalar(
            select(func.count())
            .select_from(Request)
            .where(Request.registered_at >= start, Request.registered_at < end)
        )
    print(
        f"requests: {total:,}; report period {period.code}: {month:,} requests registered; cut-off {cutoff}"
    )

    def sql_anchor() -> None:
        with services.db.reading() as uow:
            uow.session.execute(
                select(func.count(), func.sum(Request.head_count)).where(
                    Request.registered_at >= start, Request.registered_at < end
                )
            ).one()

    sql_anchor()
    anchor_sql, _best, _cpu = timed(sql_anchor, args.runs)
    anchor_py, _best, _cpu = timed(python_anchor, 3)
    print(f"anchor: a month's count+sum over a covering index {anchor_sql * 1000:.1f} ms (design: 40 ms)")
    print(f"anchor: fixed pure-Python work {anchor_py * 1000:.0f} ms")

    first = time.perf_counter()
    figures = reports.figures(SYSTEM, period)
    print(f"all figures, first call (imports numpy, warms the caches): {time.perf_counter() - first:.2f} s")
    wall, best, cpu = timed(lambda: reports.figures(SYSTEM, period), args.runs)
    print(
        f"all figures of the month: median {wall:.3f} s (best {best:.3f} s, CPU {cpu:.3f} s) "
        f"= {wall / anchor_sql:.0f}× the SQL anchor, {wall / anchor_py:.1f}× the Python anchor; "
        f"target ≤ {TARGET_FIGURES} s"
    )

    first = time.perf_counter()
    reports.build_pdf(SYSTEM, period, io.BytesIO(), figures=figures)
    print(f"PDF from figures, first (loads the fonts): {time.perf_counter() - first:.2f} s")
    wall_pdf, best_pdf, _cpu = timed(
        lambda: reports.build_pdf(SYSTEM, period, io.BytesIO(), figures=figures), 3
    )
    buffer = io.BytesIO()
    whole, best_whole, cpu_whole = timed(lambda: reports.build_pdf(SYSTEM, period, buffer), 3)
    size = len(buffer.getvalue()) // 3
    print(f"PDF layout alone: median {wall_pdf:.2f} s (best {best_pdf:.2f} s)")
    print(
        f"whole PDF (figures + PDF): median {whole:.2f} s (best {best_whole:.2f} s, CPU {cpu_whole:.2f} s), "
        f"{size // 1024} KB; target ≤ {TARGET_PDF} s"
    )
    with tempfile.TemporaryDirectory() as folder:
        t = time.perf_counter()
        reports.export_excel(SYSTEM, period, Path(folder) / "report.xlsx", figures=figures)
        print(
            f"Excel workbook with {month:,} request rows: {time.perf_counter() - t:.1f} s "
            f"({(Path(folder) / 'report.xlsx').stat().st_size // 1024} KB)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
