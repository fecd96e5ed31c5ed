"""社区服务中心桌面系统 — the one entry point: the app and its command-line tools.

    python main.py                     start the app
    python main.py --demo              start on a demo database (created if missing)
    python main.py demo --scale centre|district --db DB
    python main.py screenshots OUTDIR [--db DB]
    python main.py backup [--to DIR] [--db DB]
    python main.py restore FILE [--db DB]
    python main.py check [--db DB]
    python main.py import residents|volunteers FILE [--sheet NAME] [--valid-only]
                   [--update-existing] [--errors FILE.xlsx] [--db DB]
    python main.py export residents|requests|volunteers|ledger|orders FILE.xlsx [--db DB]
    python main.py smoke [--db DB] [--out DIR]
    python main.py report --month 2026-10|--quarter 2026-Q3|--year 2026 --out FILE.pdf
                   [--xlsx FILE.xlsx] [--db DB]

``--db`` takes a file path or a SQLAlchemy URL; without it the configured database is
used. Every command prints a clear message and exits non-zero on failure.
"""

from __future__ import annotations

import argparse
import sys
import time


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="main.py", description="社区服务中心桌面系统")
    p.add_argument("--db", help="database file path or SQLAlchemy URL / 数据库文件或 URL")
    p.add_argument("--demo", action="store_true", help="start on the demo database / 演示数据库")
    sub = p.add_subparsers(dest="command")
    demo = sub.add_parser("demo", help="fill a new database with sample data / 生成演示数据")
    demo.add_argument("--scale", choices=("centre", "district"), default="centre")
    demo.add_argument("--db", dest="sub_db", required=True)
    shots = sub.add_parser("screenshots", help="PNG of every page and dialog / 截图")
    shots.add_argument("outdir")
    shots.add_argument("--db", dest="sub_db")
    backup = sub.add_parser("backup", help="zip of the database and attachments / 备份")
    backup.add_argument("--to", dest="to", help="folder for the backup file / 备份文件夹")
    backup.add_argument("--db", dest="sub_db")
    restore = sub.add_parser("restore", help="put a backup zip back / 从备份恢复")
    restore.add_argument("file")
    restore.add_argument("--db", dest="sub_db")
    check = sub.add_parser("check", help="integrity and audit-chain check / 数据检查")
    check.add_argument("--db", dest="sub_db")
    imp = sub.add_parser("import", help="import a register from Excel or CSV / 导入居民或志愿者")
    imp.add_argument("kind", choices=("residents", "volunteers"))
    imp.add_argument("file")
    imp.add_argument("--sheet", help="the sheet to read (default: the first) / 工作表")
    imp.add_argument("--valid-only", action="store_true", help="import the valid rows only / 只导入正确的行")
    imp.add_argument(
        "--update-existing", action="store_true", help="update people already registered / 更新已有"
    )
    imp.add_argument("--errors", help="write the error report here (.xlsx) / 错误报告")
    imp.add_argument("--db", dest="sub_db")
    exp = sub.add_parser("export", help="export a list to Excel / 导出 Excel")
    exp.add_argument("list", choices=("residents", "requests", "volunteers", "ledger", "orders"))
    exp.add_argument("file")
    exp.add_argument("--db", dest="sub_db")
    smoke = sub.add_parser("smoke", help="self-test of an installed copy / 安装自检")
    smoke.add_argument("--db", dest="sub_db", help="a database without users (default: a new one)")
    smoke.add_argument("--out", help="folder for the PDFs (default: a temporary folder)")
    report = sub.add_parser("report", help="the monthly report as PDF (and Excel) / 月度报表")
    when = report.add_mutually_exclusive_group(required=True)
    when.add_argument("--month", help="e.g. 2026-10 / 月份")
    when.add_argument("--quarter", help="e.g. 2026-Q3 / 季度")
    when.add_argument("--year", help="e.g. 2026 / 年度")
    report.add_argument("--out", required=True, help="the PDF to write / 报表 PDF 文件")
    report.add_argument("--xlsx", help="also write the Excel workbook / 同时导出 Excel")
    report.add_argument("--db", dest="sub_db")
    return p


def _target(args: argparse.Namespace) -> str:
    from desktop.common.config import LocalConfig

    return getattr(args, "sub_db", None) or args.db or LocalConfig.load().database_or_default()


def _cmd_demo(args: argparse.Namespace) -> int:
    from db.engine import to_url
    from desktop.common.config import backup_dir
    from desktop.common.errors import DomainError
    from desktop.demo.generate import fill_demo
    from desktop.opening import open_database

    started = time.perf_counter()
    try:
        services = open_database(to_url(args.sub_db), backup_dir=backup_dir())
        if not services.accounts.needs_setup():
            print(f"错误：数据库 {args.sub_db} 已有数据，演示数据只写入新数据库。", file=sys.stderr)
            return 1

        def progress(done: int, total: int) -> None:
            print(f"\r记录 {done}/{total}", end="", flush=True)

        fill_demo(services.db, args.scale, progress=progress)
    except DomainError as exc:
        print(f"\n错误：{exc}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(f"\n已生成演示数据（{args.scale}），用时 {elapsed:.1f} 秒：{services.description}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from desktop.check import run_checks
    from desktop.common.errors import DomainError
    from desktop.opening import open_database

    try:
        services = open_database(_target(args), backup_dir=None)
    except DomainError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    problems = run_checks(services.db)
    if problems:
        print(f"发现 {len(problems)} 个问题 / {len(problems)} problem(s):")
        for line in problems:
            print(f"  - {line}")
        return 1
    print(f"检查通过 / all checks passed: {services.description}")
    return 0


def _cmd_backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from db.engine import to_url
    from desktop.admin.backup import make_backup
    from desktop.common.config import backup_dir
    from desktop.common.errors import DomainError
    from desktop.opening import attachments_dir

    url = to_url(_target(args))
    try:
        path = make_backup(url, attachments_dir(url), Path(args.to) if args.to else backup_dir())
    except DomainError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    print(f"备份完成 / backup written: {path}")
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    from pathlib import Path

    from db.engine import to_url
    from desktop.admin.backup import restore_backup
    from desktop.common.config import backup_dir
    from desktop.common.errors import DomainError
    from desktop.opening import attachments_dir, open_database

    url = to_url(_target(args))
    try:
        safety = restore_backup(Path(args.file), url, attachments_dir(url), backup_dir())
        open_database(url, backup_dir=backup_dir()).db.dispose()  # upgrade an older backup now
    except DomainError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    print(f"已恢复 / restored: {url}\n原数据库已另存 / previous database saved as: {safety}")
    return 0


def _cmd_screenshots(args: argparse.Namespace) -> int:
    from ui.shell.screenshots import take_screenshots

    return take_screenshots(args.outdir, getattr(args, "sub_db", None) or args.db)


def _cmd_smoke(args: argparse.Namespace) -> int:
    """The installer's self-test (CI runs it on the frozen app): Qt offscreen with the
    translations and the SVG icons of the style; a database created or upgraded to the
    newest schema by the migrations that ship; a resident, a request and its slip PDF,
    the monthly report as PDF and Excel workbook, each PDF opened with QtPdf; the main
    window with every page. It writes only into a database without users."""
    import os
    import tempfile
    import traceback
    from pathlib import Path

    def check(ok: object, what: str) -> None:
        if not ok:
            raise RuntimeError(f"smoke test: {what}")

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="shequ-smoke-"))
    out = Path(args.out) if args.out else folder
    try:
        out.mkdir(parents=True, exist_ok=True)
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QImageReader
        from PySide6.QtPdf import QPdfDocument

        from db.engine import make_engine, to_url
        from db.migrate import HEAD, current_revision
        from desktop.common.config import backup_dir
        from desktop.opening import open_database
        from desktop.reports.command import write_report
        from desktop.requests.service import RequestForm
        from desktop.residents.service import ResidentForm
        from ui.requests.slip import write_slip
        from ui.shell.app import make_app
        from ui.shell.main_window import MainWindow

        make_app("zh_CN")
        check(QCoreApplication.translate("app", "Opening the database") != "Opening the database", "zh_CN.qm")
        check(QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消", "qtbase_zh_CN.qm")
        check({b"svg", b"jpeg"} <= set(map(bytes, QImageReader.supportedImageFormats())), "image plug-ins")
        url = to_url(getattr(args, "sub_db", None) or args.db or folder / "smoke.sqlite3")
        engine = make_engine(url)
        before = current_revision(engine)
        engine.dispose()
        services = open_database(url, backup_dir=backup_dir())  # an upgrade's copy: where the app keeps it
        check(current_revision(services.db.engine) == HEAD, f"the database is not at {HEAD}")
        if not services.accounts.needs_setup():
            print("错误：自检只写入没有用户的数据库 / smoke needs a database without users", file=sys.stderr)
            return 1
        services.accounts.setup("自检社区服务中心", "admin", "Smoke-test-2026", "Smoke-test-2026")
        actor = services.accounts.login("admin", "Smoke-test-2026")
        resident = services.residents.save(
            actor, ResidentForm(name="王堃喆", id_number="11010519491231002X", phone="13800138000")
        )
        category = services.requests.categories()[0].children[0].id
        department = services.requests.departments()[0].id
        form = RequestForm(resident, "walk_in", category, "小区3号楼东侧垃圾桶一周没有清运。")
        form.lead_department_id = department
        detail = services.requests.get(actor, services.requests.register(actor, form))
        report = write_report(
            services.db, "month", time.strftime("%Y-%m"), str(out / "report.pdf"), str(out / "report.xlsx")
        )
        pdfs = [write_slip(detail, services.centre.name(), out), *(p for p in report if p.suffix == ".pdf")]
        for pdf in pdfs:
            document = QPdfDocument()
            check(
                document.load(str(pdf)) == QPdfDocument.Error.None_ and document.pageCount(), f"QtPdf: {pdf}"
            )
        MainWindow(services, actor).close()
        services.db.dispose()
    except Exception:
        traceback.print_exc()
        return 1
    print(f"自检通过 / smoke test passed: {before or '-'} → {HEAD}, {', '.join(map(str, pdfs))}")
    return 0


def _cmd_exchange(args: argparse.Namespace) -> int:
    from desktop.common.errors import DomainError
    from desktop.opening import open_database
    from ui.exchange.cli import run_export, run_import

    try:
        services = open_database(_target(args), backup_dir=None)
    except DomainError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    try:
        if args.command == "export":
            return run_export(services, args.list, args.file)
        return run_import(
            services,
            args.kind,
            args.file,
            sheet=args.sheet,
            valid_only=args.valid_only,
            update_existing=args.update_existing,
            errors=args.errors,
        )
    finally:
        services.db.dispose()


def _cmd_report(args: argparse.Namespace) -> int:
    from desktop.common.errors import DomainError
    from desktop.opening import open_database
    from desktop.reports.command import write_report

    kind, text = next(
        (k, v) for k, v in (("month", args.month), ("quarter", args.quarter), ("year", args.year)) if v
    )
    try:
        services = open_database(_target(args), backup_dir=None)
        written = write_report(services.db, kind, text, args.out, args.xlsx)
    except DomainError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"错误：无法写入文件 / cannot write the file: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # anything else: say what, exit non-zero (no half-written file is left)
        print(f"错误：报表生成失败 / the report failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(f"已生成 / written: {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "demo":
        return _cmd_demo(args)
    if args.command == "check":
        return _cmd_check(args)
    if args.command in ("import", "export"):
        return _cmd_exchange(args)
    if args.command == "backup":
        return _cmd_backup(args)
    if args.command == "restore":
        return _cmd_restore(args)
    if args.command == "screenshots":
        return _cmd_screenshots(args)
    if args.command == "smoke":
        return _cmd_smoke(args)
    if args.command == "report":
        return _cmd_report(args)
    from ui.shell.app import run

    return run(args.db, demo=args.demo)


if __name__ == "__main__":
    sys.exit(main())
