"""Benchmark of the residents register at district scale (200,000 residents).

Prints medians of repeated runs; the figures are written in docs/performance.md.

    uv run python benchmarks/bench_residents.py [--db FILE] [--runs N]

Without ``--db`` a district demo database is made once in the system temp folder and
reused. Measured:
  - start-up: process start → login window painted, against a bare PySide6 window in
    the same runs (``benchmarks/bench_startup.py``);
  - residents page first paint: building the page and painting its first screen;
  - search: what typing into the box costs: the service's search and its first page of
    rows, and the same through the page (filter applied, visible rows repainted).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

QUERIES = [
    "张",
    "刘",
    "张伟",
    "王芳",
    "zw",
    "zs",
    "138",
    "5678",
    "0021",
    "370302195",
    "北京路",
    "花园",
    "3号楼",
]


def _times_ms(fn, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return times


def _median_ms(fn, runs: int) -> float:
    return statistics.median(_times_ms(fn, runs))


def ensure_db(path: Path) -> None:
    if path.exists():
        return
    print(f"creating district demo database at {path} …", flush=True)
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "demo", "--scale", "district", "--db", str(path)],
        check=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--db", type=Path, default=Path(tempfile.gettempdir()) / "shequ-bench-district.sqlite3"
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ensure_db(args.db)

    from PySide6.QtWidgets import QApplication

    from desktop.opening import open_database
    from desktop.residents.service import ResidentFilter
    from ui.residents.page import ResidentsPage
    from ui.shell.app import make_app, settle_memory

    make_app("zh_CN")
    services = open_database(args.db, backup_dir=None)
    actor = services.accounts.login("qiantai", "qiantai123")
    settle_memory()  # as the app does before its login window
    total = services.residents.count(actor, ResidentFilter(include_archived=True))
    print(f"database: {args.db} ({total:,} residents)")
    from benchmarks.bench_startup import report as startup_report

    startup_report(args.db, args.runs)

    def first_paint() -> None:
        page = ResidentsPage(services.residents, actor)
        page.resize(1366 - 168, 700)
        page.show()
        page.grab()  # forces layout and a full paint of the visible rows
        page.close()
        page.deleteLater()
        QApplication.processEvents()

    first_paint()  # warm the OS file cache once, as a second start of the app would
    print(f"residents page first paint (median of {args.runs}): {_median_ms(first_paint, args.runs):.1f} ms")

    page = ResidentsPage(services.residents, actor)
    page.resize(1366 - 168, 700)
    page.show()
    QApplication.processEvents()
    print(f"{'search':<12}{'matches':>9}{'service ms':>12}{'(best)':>8}{'page ms':>10}")
    worst = 0.0
    for q in QUERIES:
        f = ResidentFilter(text=q)

        def service_call(f=f) -> None:
            result = services.residents.search(actor, f)  # what the page does: count and
            result.page(0, 100)  # the first 100 rows (one model page)

        page_times = []
        for _ in range(args.runs):
            page.search_edit.setText("")
            page.apply_filter()
            t = time.perf_counter()
            page.search_edit.setText(q)
            page.apply_filter()
            page.table.viewport().grab()
            page_times.append((time.perf_counter() - t) * 1000)
        n = services.residents.count(actor, f)
        s_times = _times_ms(service_call, args.runs)
        s_ms, s_best = statistics.median(s_times), min(s_times)
        p_ms = statistics.median(page_times)
        worst = max(worst, s_ms)
        print(f"{q:<12}{n:>9,}{s_ms:>12.1f}{s_best:>8.1f}{p_ms:>10.1f}")
    print(f"slowest search through the service: {worst:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
