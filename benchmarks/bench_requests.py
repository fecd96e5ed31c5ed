"""Benchmark of the request list at district scale (1,000,000 requests).

Prints medians; the figures are written in docs/performance.md.

    uv run python benchmarks/bench_requests.py [--db FILE] [--runs N]

Without ``--db`` it uses (and if needed makes) the same district demo database as
bench_residents.py. Measured: the list opening (count + first 100 rows), each filter
alone and combined, the start page's three lists, and — when the page exists — the
全部诉求 page building and painting its first screen.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.bench_residents import ensure_db  # noqa: E402


def _median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    default = Path(tempfile.gettempdir()) / "shequ-bench-district.sqlite3"
    parser.add_argument("--db", type=Path, default=default)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    ensure_db(args.db)

    from desktop.opening import open_database
    from desktop.requests.service import RequestFilter
    from ui.shell.app import make_app, settle_memory

    make_app("zh_CN")
    services = open_database(args.db, backup_dir=None)
    actor = services.accounts.login("qiantai", "qiantai123")
    settle_memory()
    requests = services.requests
    total = requests.count(actor, RequestFilter())
    print(f"database: {args.db} ({total:,} requests)")
    top = requests.categories()[0].id
    department = requests.departments()[3].id
    month_ago = dt.date.today() - dt.timedelta(days=30)
    filters = {
        "none (list opens)": RequestFilter(),
        "open (clock running)": RequestFilter(status="open"),
        "status closed": RequestFilter(status="closed"),
        "colour red": RequestFilter(colour="red"),
        "colour yellow": RequestFilter(colour="yellow"),
        "category (top level)": RequestFilter(category_id=top),
        "lead department": RequestFilter(department_id=department),
        "grid": RequestFilter(grid_id=7),
        "channel 12345": RequestFilter(channel="hotline"),
        "last 30 days": RequestFilter(date_from=month_ago),
        "category + last 30 days": RequestFilter(category_id=top, date_from=month_ago),
        "department + closed": RequestFilter(department_id=department, status="closed"),
        "number 2026-11-0001": RequestFilter(number="2026-11-0001"),
    }
    print(f"{'filter':<26}{'matches':>10}{'count+page ms':>15}")
    worst = 0.0
    for label, f in filters.items():
        n = requests.count(actor, f)

        def run(f=f) -> None:
            requests.count(actor, f)
            requests.page(actor, f, 0, 100)

        ms = _median_ms(run, args.runs)
        worst = max(worst, ms)
        print(f"{label:<26}{n:>10,}{ms:>15.1f}")
    print(f"slowest filter: {worst:.1f} ms")
    print(f"start page lists (today): {_median_ms(lambda: requests.today(actor), args.runs):.1f} ms")

    try:
        from ui.requests.list_page import RequestsPage
    except ImportError:
        return 0
    from PySide6.QtWidgets import QApplication

    def first_paint() -> None:
        page = RequestsPage(requests, actor)
        page.resize(1366 - 168, 700)
        page.show()
        page.grab()
        page.close()
        page.deleteLater()
        QApplication.processEvents()

    first_paint()
    print(f"requests page first paint (median of {args.runs}): {_median_ms(first_paint, args.runs):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
