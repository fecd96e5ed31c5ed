"""Benchmark of Excel in and out at district scale: 50,000 residents imported and exported.

    uv run python benchmarks/bench_exchange.py [--rows N] [--db-url URL]

Prints, in the same run, each step against an anchor that does the bare library work
on the same file, so a slow machine shows as slow anchors, not as a slow app:
  - import (target ≤ 30 s): read + map + check every row + write in one transaction,
    against pandas alone reading the file (``read_excel`` with calamine);
  - export (target ≤ 10 s): the residents list with its formats, against openpyxl's
    write-only mode writing the same number of plain cells;
  - memory of the export: the peak Python allocation (tracemalloc) exporting a fifth of
    the rows and all of them — streaming keeps it flat.
The figures are written in docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华平刚桂兰"
STREETS = ("幸福小区", "和平里", "光明路", "东风新村", "花园街")


def make_register(path: Path, rows: int) -> None:
    """A district register: 姓名, 性别, 身份证号 (text), 联系电话 (text), 现住址, 网格, 重点人群."""
    from openpyxl import Workbook
    from stdnum.cn import ric

    book = Workbook(write_only=True)
    ws = book.create_sheet("居民信息")
    ws.append(["某街道网格人口台账"])
    ws.append(["姓名", "性别", "身份证号", "联系电话", "现住址", "网格", "重点人群"])
    for i in range(rows):
        year, day = 1930 + i % 80, 1 + i % 28
        body = f"370302{year}{1 + i % 12:02d}{day:02d}{i % 1000:03d}"
        number = body + ric.calc_check_digit(body + "0")
        # Every 1,000 rows share a birth date and sequence: make the rest unique by area.
        number = f"{370302 + (i // 1000) % 90:06d}" + number[6:17]
        number = number + ric.calc_check_digit(number + "0")
        name = SURNAMES[i % 20] + GIVEN[(i // 20) % 24] + GIVEN[(i // 480) % 24]
        gender = "男" if int(number[16]) % 2 else "女"
        ws.append(
            [
                name,
                gender,
                number,
                f"1{3 + i % 7}{i:09d}"[:11],
                f"{STREETS[i % 5]}{1 + i % 40}号楼{1 + i % 6}单元{101 + i % 20}室",
                "第一网格" if i % 2 else "第二网格",
                "独居老人" if i % 17 == 0 else "",
            ]
        )
    book.save(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--db-url", help="a database URL (default: a new SQLite file)")
    args = parser.parse_args()

    from db.models import Grid, Tag
    from desktop.common.permissions import SYSTEM
    from desktop.exchange.export import ListName
    from desktop.exchange.fields import Kind
    from desktop.opening import open_database
    from desktop.residents.service import KEY_GROUPS

    folder = Path(tempfile.mkdtemp(prefix="bench-exchange-"))
    register = folder / "register.xlsx"
    t = time.perf_counter()
    make_register(register, args.rows)
    print(
        f"register of {args.rows:,} rows written in {time.perf_counter() - t:.1f} s "
        f"({register.stat().st_size / 1e6:.1f} MB)"
    )

    services = open_database(args.db_url or folder / "bench.sqlite3", backup_dir=None)
    with services.db.writing() as uow:
        uow.session.add_all([Grid(name="第一网格", is_active=True), Grid(name="第二网格", is_active=True)])
        uow.session.add_all([Tag(name=n) for n in KEY_GROUPS])
        uow.commit()
    imports, exports = services.exchange.imports, services.exchange.exports

    import pandas as pd

    t = time.perf_counter()
    pd.read_excel(register, header=None, dtype=object, engine="calamine")
    anchor_read = time.perf_counter() - t

    t = time.perf_counter()
    source = imports.open(SYSTEM, Kind.RESIDENTS, register)
    t_open = time.perf_counter() - t
    t = time.perf_counter()
    plan = imports.plan(SYSTEM, source)
    t_plan = time.perf_counter() - t
    assert not plan.failed, [(r.row_number, r.errors) for r in plan.failed[:5]]
    t = time.perf_counter()
    result = imports.run(SYSTEM, plan)
    t_run = time.perf_counter() - t
    total_import = t_open + t_plan + t_run
    print(f"anchor: pandas reads the file                  {anchor_read:6.1f} s")
    print(f"import: read and map the columns               {t_open:6.1f} s")
    print(f"import: check every row                        {t_plan:6.1f} s")
    print(f"import: write in one transaction               {t_run:6.1f} s")
    print(
        f"import of {result.counts.added:,} residents, total          {total_import:6.1f} s  (target ≤ 30 s)"
    )

    from openpyxl import Workbook

    t = time.perf_counter()
    book = Workbook(write_only=True)
    ws = book.create_sheet("x")
    for row in plan.planned:
        ws.append([row.name, row.gender, row.birth_date, row.id_number, row.phone, row.address, row.grid])
    book.save(folder / "anchor.xlsx")
    anchor_write = time.perf_counter() - t
    t = time.perf_counter()
    exported = exports.export(SYSTEM, ListName.RESIDENTS, folder / "export.xlsx")
    t_export = time.perf_counter() - t
    print(f"anchor: openpyxl writes the same rows, plain   {anchor_write:6.1f} s")
    print(f"export of {exported.rows:,} residents, formatted        {t_export:6.1f} s  (target ≤ 10 s)")

    from db.residents import ResidentFilter

    peaks = []
    for label, f in (("a fifth", ResidentFilter(grid_id=None, text="幸福小区")), ("all", ResidentFilter())):
        tracemalloc.start()
        done = exports.export(SYSTEM, ListName.RESIDENTS, folder / "mem.xlsx", filter=f)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        peaks.append(peak)
        print(f"export memory, {label:<8} ({done.rows:>6,} rows): peak {peak:6.1f} MB")
    services.db.dispose()
    return 0 if total_import <= 30 and t_export <= 10 else 1


if __name__ == "__main__":
    sys.exit(main())
