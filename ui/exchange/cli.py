"""``python main.py import …`` and ``python main.py export …``: the exchange job on the
command line, for a centre's first load of its registers and for scripted exports.

The command line has no login: it acts as the system user (``desktop.common.permissions.SYSTEM``),
and the audit log says so. Reasons are printed and reported in Chinese.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from desktop.common.errors import DomainError
from desktop.common.permissions import SYSTEM
from desktop.exchange.export import ListName
from desktop.exchange.fields import Kind
from desktop.exchange.wording import reason_text
from desktop.opening import Services
from ui.exchange.wording import chinese

SHOWN_ERRORS = 50


def run_import(
    services: Services,
    kind: str,
    file: str,
    *,
    sheet: str | None = None,
    valid_only: bool = False,
    update_existing: bool = False,
    errors: str | None = None,
) -> int:
    """Import a register file; 0 when it came in, 1 when it was refused or failed."""
    words = chinese()
    imports = services.exchange.imports
    started = time.perf_counter()
    try:
        source = imports.open(SYSTEM, Kind(kind), Path(file), sheet)
        ignored = [source.table.headers[i] for i in source.unknown_columns]
        if ignored:
            print(f"未识别的列（不导入）：{'、'.join(ignored)}")
        plan = imports.plan(SYSTEM, source, update_existing=update_existing)
        counts = plan.counts
        print(
            f"共 {len(plan.rows)} 行：新增 {counts.added}，更新 {counts.updated}，"
            f"已在档案 {counts.linked}，错误 {counts.errors}"
        )
        for row in plan.failed[:SHOWN_ERRORS]:
            reasons = "；".join(reason_text(e.error, words) for e in row.errors)
            print(f"  第 {row.row_number} 行：{reasons}")
        if len(plan.failed) > SHOWN_ERRORS:
            print(f"  ……另有 {len(plan.failed) - SHOWN_ERRORS} 行有错误")
        if errors and plan.failed:
            imports.write_error_report(plan, Path(errors), words)
            print(f"错误报告 / error report: {Path(errors).with_suffix('.xlsx')}")
        result = imports.run(SYSTEM, plan, valid_only=valid_only)
    except DomainError as exc:
        print(f"错误：{reason_text(exc, words)}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    c = result.counts
    print(f"已导入 / imported: 新增 {c.added}，更新 {c.updated}，用时 {elapsed:.1f} 秒")
    return 0


def run_export(services: Services, name: str, file: str) -> int:
    """Export a whole list; 0 when written."""
    words = chinese()
    started = time.perf_counter()
    try:
        result = services.exchange.exports.export(SYSTEM, ListName(name), Path(file), wording=words)
    except DomainError as exc:
        print(f"错误：{reason_text(exc, words)}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(f"已导出 {result.rows} 行 / exported: {result.path}（用时 {elapsed:.1f} 秒）")
    return 0
