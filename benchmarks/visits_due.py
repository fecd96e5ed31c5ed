"""Benchmark of the 走访台账 due list at district scale (200,000 residents, about 20,000
of them in the visit plan).

    uv run python benchmarks/visits_due.py [--db FILE_OR_URL ...] [--runs N]

``--db`` may be given several times, a SQLite file or a PostgreSQL URL each (e.g.
``postgresql+psycopg://postgres@127.0.0.1:5432/visits_bench`` filled by ``main.py demo
--scale district --db URL``). Without it, the district demo database of
bench_residents.py (made if missing: residents, requests, the love bank, orders and about
five weeks of grid visits). Measured per database, as medians:

  - the anchor: one unit of work running ``SELECT 1``, in the same run, so a busy
    machine or a slow server shows up in the anchor too;
  - the list opening: ``VisitService.due`` (the counts per status) plus the first page
    of 50 rows — target ≤ 0.15 s;
  - each filter (grid, worker, overdue only, name search) the same way — target ≤ 0.3 s.

Exits 1 when a target is missed. The figures are written in docs/performance.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_residents import ensure_db  # noqa: E402

FIRST_PAINT_S = 0.15
FILTER_S = 0.3
PAGE = 50


def _median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def measure(target: str, runs: int) -> bool:
    """Print the figures of one database; True when every target is met."""
    from sqlalchemy import func, select, text

    from db.engine import describe, to_url
    from db.models import Resident
    from desktop.opening import open_database
    from desktop.visits.service import DueFilter

    services = open_database(target, backup_dir=None)
    actor = services.accounts.login("zhuren", "zhuren123")
    visits = services.visits

    def anchor() -> None:
        with services.db.reading() as uow:
            uow.session.execute(text("SELECT 1")).scalar()

    with services.db.reading() as uow:
        residents = uow.session.execute(select(func.count()).select_from(Resident)).scalar_one()
    anchor_ms = _median_ms(anchor, max(runs * 5, 25))
    everyone = visits.due(actor, DueFilter())
    print(f"database: {describe(to_url(target))} ({services.db.engine.dialect.name})")
    print(f"residents: {residents:,}; in the visit plan: {everyone.count:,} {everyone.by_status}")
    print(f"anchor (unit of work with SELECT 1): {anchor_ms:.2f} ms")
    workers = [w for w in visits.workers(actor) if w.grid_ids]
    grid = workers[len(workers) // 2].grid_ids[0]
    name = everyone.page(0, 1)[0].name[:1]
    filters = {
        "none (list opens)": DueFilter(),
        "grid": DueFilter(grid_id=grid),
        "worker (5 grids)": DueFilter(worker_id=workers[0].user_id),
        "overdue only": DueFilter(status="overdue"),
        "open only": DueFilter(open_only=True),
        f"name {name}": DueFilter(text=name),
        "initials zh": DueFilter(text="zh"),
        "worker + overdue": DueFilter(worker_id=workers[0].user_id, status="overdue"),
    }
    print(f"{'filter':<22}{'matches':>10}{'count+page ms':>15}{'× anchor':>10}")
    met = True
    for label, f in filters.items():
        matches = visits.due(actor, f).count

        def run(f: DueFilter = f) -> None:
            visits.due(actor, f).page(0, PAGE)

        ms = _median_ms(run, runs)
        limit = FIRST_PAINT_S if label.startswith("none") else FILTER_S
        mark = "" if ms <= limit * 1000 else f"  > {limit:.2f} s"
        met &= not mark
        print(f"{label:<22}{matches:>10,}{ms:>15.1f}{ms / anchor_ms:>10.0f}{mark}")
    services.db.dispose()
    print("targets: list opens ≤ 0.15 s, filters ≤ 0.3 s —", "met" if met else "MISSED")
    return met


def main() -> int:
    parser = argparse.ArgumentParser()
    default = str(Path(tempfile.gettempdir()) / "shequ-bench-district.sqlite3")
    parser.add_argument("--db", action="append", help="a SQLite file or a database URL (repeatable)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    targets = args.db or [default]
    met = True
    for i, target in enumerate(targets):
        if "://" not in target:
            ensure_db(Path(target))
        if i:
            print()
        met &= measure(target, args.runs)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
