"""社区服务中心桌面系统 — the one entry point: the app and its command-line tools.

    python main.py                     start the app
    python main.py --demo              start on a demo database (created if missing)
    python main.py demo --scale centre|district --db DB
    python main.py screenshots OUTDIR [--db DB]
    python main.py backup [--to DIR] [--password] [--db DB]
    python main.py restore FILE [--password] [--db DB]
    python main.py upgrade [--without-backup] [--db DB]
    python main.py check [--db DB]
    python main.py chain-key export|import FILE [--db DB]
    python main.py chain-key replace [--yes] [--db DB]
    python main.py move-to-server --to postgresql+psycopg://USER@HOST:5432/NAME [--db SQLITE]
    python main.py import residents|volunteers FILE [--sheet NAME] [--valid-only]
                   [--update-existing] [--errors FILE.xlsx] [--db DB]
    python main.py export residents|requests|volunteers|ledger|orders|redemptions FILE.xlsx [--db DB]
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

_QT_CORE: list[object] = []


def _error(exc: Exception) -> str:
    """A core error in the user's language (Chinese unless set to English), for the console."""
    from PySide6.QtCore import QCoreApplication

    from desktop.common.config import LocalConfig
    from desktop.common.errors import DomainError
    from ui.widgets.i18n import error_text, language_for_a_moment

    if not isinstance(exc, DomainError):
        return str(exc)
    if not _QT_CORE:
        _QT_CORE.append(QCoreApplication.instance() or QCoreApplication(sys.argv[:1]))
    with language_for_a_moment(_QT_CORE[0], LocalConfig.load().language):  # type: ignore[arg-type]
        return error_text(exc)


_PASSWORD_HELP = "encrypt / open the backup with a password: SHEQU_BACKUP_PASSWORD, or asked for / 备份密码"


def _password(args: argparse.Namespace, *, confirm: bool) -> str | None:
    """The backup password: SHEQU_BACKUP_PASSWORD, or asked for when --password is given."""
    import getpass
    import os

    from desktop.admin.backup_zip import PASSWORD_ENV

    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if not args.password:
        return None
    first = getpass.getpass("备份密码 / backup password: ")
    if confirm and getpass.getpass("再输入一次 / again: ") != first:
        raise ValueError("两次输入的密码不一致 / the passwords differ")
    if not first:
        raise ValueError("密码不能为空 / the password is empty")
    return first


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
    backup.add_argument("--password", action="store_true", help=_PASSWORD_HELP)
    backup.add_argument("--db", dest="sub_db")
    restore = sub.add_parser("restore", help="put a backup zip back / 从备份恢复")
    restore.add_argument("file")
    restore.add_argument("--password", action="store_true", help=_PASSWORD_HELP)
    restore.add_argument("--db", dest="sub_db")
    upgrade = sub.add_parser("upgrade", help="upgrade the database after a backup / 升级数据库")
    upgrade.add_argument(
        "--without-backup",
        action="store_true",
        help="server only, when pg_dump is missing: the administrator has backed it up / 无 pg_dump 时不备份",
    )
    upgrade.add_argument("--db", dest="sub_db")
    move = sub.add_parser(
        "move-to-server", help="copy this centre into an empty PostgreSQL database / 迁移到服务器"
    )
    move.add_argument("--to", dest="to", required=True, help="postgresql+psycopg://用户@服务器:5432/数据库")
    move.add_argument(
        "--db", dest="sub_db", help="the SQLite file to copy (default: this PC's) / 源数据库文件"
    )
    check = sub.add_parser("check", help="integrity and audit-chain check / 数据检查")
    check.add_argument("--db", dest="sub_db")
    key = sub.add_parser("chain-key", help="export, import or replace the audit-log key / 审计密钥")
    key.add_argument("action", choices=("export", "import", "replace"))
    key.add_argument("file", nargs="?", help="the key file to write or read / 密钥文件")
    key.add_argument("--yes", action="store_true", help="replace without asking / 更换时不再确认")
    key.add_argument("--db", dest="sub_db")
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
    exp.add_argument(
        "list", choices=("residents", "requests", "volunteers", "ledger", "orders", "redemptions")
    )
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
    from desktop.admin.server_settings import with_saved_password
    from desktop.common.config import LocalConfig

    explicit = getattr(args, "sub_db", None) or args.db
    return explicit or with_saved_password(LocalConfig.load().database_or_default())


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
    from desktop.check import check_target

    # Read-only: never creates, upgrades or changes what it checks.
    report = check_target(_target(args))
    if report.refused:
        print(f"错误 / error: {report.refused}", file=sys.stderr)
        return 2
    if report.problems:
        print(f"发现 {len(report.problems)} 个问题 / {len(report.problems)} problem(s): {report.target}")
        for line in report.problems:
            print(f"  - {line}")
    else:
        print(f"检查通过 / all checks passed: {report.target}")
    for line in report.notices:
        print(f"  注意 / notice: {line}")
    return 1 if report.problems else 0


def _cmd_chain_key(args: argparse.Namespace) -> int:
    from db import audit
    from db import settings as settings_repo
    from desktop.admin import chain_key
    from desktop.check import CheckRefused, open_for_check
    from desktop.common.errors import DomainError

    if args.action == "replace":
        return _cmd_chain_key_replace(args)
    if not args.file:
        print("错误：请给出密钥文件 / give the key file", file=sys.stderr)
        return 2
    try:
        db = open_for_check(_target(args))  # read-only: the key file is all that is written
    except CheckRefused as exc:
        print(f"错误 / error: {exc}", file=sys.stderr)
        return 2
    try:
        with db.reading() as uow:
            centre_id = settings_repo.centre_id(uow.session)
            key_check = audit.key_check(uow.session)
        if args.action == "export":
            found = chain_key.load_key(centre_id)
            if found is None:
                print("错误：本机没有该数据库的审计密钥 / this PC has no audit key for it", file=sys.stderr)
                return 1
            chain_key.write_key_file(args.file, found)
            print(f"已导出审计密钥 / key exported: {args.file}（请妥善保管，只复制到本中心的电脑）")
        else:
            replaced = chain_key.replaced_fingerprints(audit.key_history(uow.session))
            chain_key.import_key_file(args.file, centre_id=centre_id, key_check=key_check, replaced=replaced)
            print(f"已导入审计密钥 / key imported: {chain_key.key_path(centre_id)}")
    except DomainError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    finally:
        db.dispose()
    return 0


_REPLACE_WARNING = """更换审计密钥 / replace the lost audit-log key of {target}

只有在本机和所有备份中都找不到审计密钥时才这样做。更换后：
  - 之前的审计记录只能核对链接，无法再核对签名（检查时会注明）；
  - 之后的记录用新密钥签名，照常核对；其他电脑需要重新导入新密钥；
  - 更换本身记入审计日志，无法撤销。
Do this only when no PC and no password-protected backup has the key any more."""


def _cmd_chain_key_replace(args: argparse.Namespace) -> int:
    import getpass

    from db.engine import to_url
    from desktop.admin import chain_key
    from desktop.check import CheckRefused, open_for_check
    from desktop.common.config import backup_dir
    from desktop.common.errors import DomainError
    from desktop.opening import open_database

    target = _target(args)
    try:
        open_for_check(target).dispose()  # a database of this program, at this version
    except CheckRefused as exc:
        print(f"错误 / error: {exc}", file=sys.stderr)
        return 2
    print(_REPLACE_WARNING.format(target=target))
    try:
        services = open_database(to_url(target), backup_dir=backup_dir())
    except DomainError as exc:
        print(f"错误：{_error(exc)}", file=sys.stderr)
        return 1
    try:
        username = input("管理员用户名 / administrator: ")
        password = getpass.getpass("密码 / password: ")
        actor = chain_key.admin_for_replacement(services.db, username, password)
        if not args.yes and input("确认更换请输入 yes / type yes to replace: ").strip().lower() != "yes":
            print("已取消，未做任何更改 / cancelled, nothing changed")
            return 1
        done = services.chain_key.replace_key(actor)
    except (DomainError, EOFError) as exc:
        text = _error(exc) if isinstance(exc, DomainError) else "已取消 / cancelled"
        print(f"错误：{text}", file=sys.stderr)
        return 1
    finally:
        services.db.dispose()
    print(f"已更换审计密钥 / audit key replaced: {done.path}")
    print(f"  第 1–{done.starts_at} 条记录此后只能核对链接；请立即导出新密钥并与备份一起保管。")
    if done.kept is not None:
        print(f"  本机原有的另一把密钥保留在 / the key this PC had is kept at: {done.kept}")
    return 0


def _cmd_backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from db.engine import to_url
    from desktop.admin.backup import database_url, make_backup
    from desktop.common.config import backup_dir
    from desktop.common.errors import DomainError
    from desktop.opening import attachments_dir

    url = to_url(_target(args))
    try:
        database_url(url)
        password = _password(args, confirm=True)
        path = make_backup(
            url, attachments_dir(url), Path(args.to) if args.to else backup_dir(), password=password
        )
    except ValueError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except DomainError as exc:
        print(f"错误：{_error(exc)}", file=sys.stderr)
        return 1
    print(f"备份完成 / backup written: {path}" + ("（已设密码 / encrypted）" if password else ""))
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    from pathlib import Path

    from db.engine import to_url
    from desktop.admin.backup import database_url
    from desktop.admin.restore import restore_backup
    from desktop.common.config import backup_dir
    from desktop.common.errors import DomainError
    from desktop.opening import attachments_dir, open_database

    url = to_url(_target(args))
    try:
        database_url(url)
        password = _password(args, confirm=False)
        done = restore_backup(Path(args.file), url, attachments_dir(url), backup_dir(), password=password)
    except ValueError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except DomainError as exc:
        print(f"错误：{_error(exc)}", file=sys.stderr)
        return 1
    where = str(done.kept) if done.kept else "（原来没有数据库 / there was none）"
    print(f"已恢复 / restored: {args.file} → {_describe(url)}")
    print(f"被替换的数据库已另存为 / the replaced database was kept as: {where}")
    if done.audit_key == "installed":
        print(f"已从备份安装审计密钥 / the backup's audit key was installed: {done.audit_key_path}")
    elif done.audit_key == "kept":
        print(
            "本机已有该中心的另一把审计密钥，未覆盖；备份中的密钥另存为 / this PC has another key "
            f"of this centre, left in place; the backup's key was kept at: {done.audit_key_path}"
        )
    try:
        open_database(url, backup_dir=backup_dir()).db.dispose()  # upgrade an older backup now
    except DomainError as exc:
        print(f"错误：恢复后的数据库无法打开：{_error(exc)}", file=sys.stderr)
        return 1
    return 0


def _cmd_upgrade(args: argparse.Namespace) -> int:
    from db.engine import to_url
    from db.migrate import HEAD
    from desktop.admin.backup import database_url
    from desktop.common.config import backup_dir
    from desktop.common.errors import DomainError
    from desktop.opening import open_database

    url = to_url(_target(args))
    try:
        database_url(url)
        services = open_database(url, backup_dir=backup_dir(), upgrade_without_backup=args.without_backup)
    except DomainError as exc:
        print(f"错误：{_error(exc)}", file=sys.stderr)
        return 1
    services.db.dispose()
    print(f"数据库已是最新结构 / the database is at schema revision {HEAD}: {services.description}")
    return 0


def _describe(url: str) -> str:
    from db.engine import describe

    return describe(url)


def _cmd_move_to_server(args: argparse.Namespace) -> int:
    from desktop.admin.move_to_server import move_to_server
    from desktop.admin.server_settings import with_saved_password
    from desktop.common.errors import DomainError
    from desktop.common.permissions import SYSTEM

    source = _target(args)
    if "://" in source and not source.startswith("sqlite"):
        print("错误：--db 须是本机的 SQLite 数据库文件 / --db must be a SQLite file", file=sys.stderr)
        return 2

    def progress(done: int, total: int, table: str) -> None:
        print(f"\r已复制 {done}/{total} 行 {table:<24}", end="", flush=True)

    try:
        moved = move_to_server(SYSTEM, source, with_saved_password(args.to), report=progress)
    except DomainError as exc:
        print(f"\n错误：{exc}\n服务器数据库保持为空，源文件未改动。", file=sys.stderr)
        return 1
    print(f"\n迁移完成 / moved: {moved.source} → {moved.target}（revision {moved.revision}）")
    print(f"共 {len(moved.tables)} 个表、{moved.rows} 行，用时 {moved.seconds:.1f} 秒；核对结果：")
    for table in moved.tables:
        if table.source_rows:
            print(f"  {table.name}: {table.source_rows} → {table.target_rows} 行 ✓")
    names = {
        "ledger_available": "积分流水合计（可用）",
        "ledger_frozen": "积分流水合计（冻结）",
        "balance_available": "积分余额合计（可用）",
        "balance_frozen": "积分余额合计（冻结）",
    }
    for what, before, after in moved.ledger:
        print(f"  {names.get(what, what)}: {before} → {after} ✓")
    print(f"  操作日志 / audit log: {moved.audit_rows} 条，校验链完整 ✓")
    if moved.attachments:
        print(f"注意：{moved.attachments} 个附件文件在源文件旁的文件夹中，不在数据库里，需另行复制。")
    print("源文件未改动。请在每台电脑的 设置 → 数据库 中改用该服务器。")
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
            services.reports,
            "month",
            time.strftime("%Y-%m"),
            str(out / "report.pdf"),
            str(out / "report.xlsx"),
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
    from desktop.common.config import backup_dir
    from desktop.common.errors import DomainError
    from desktop.opening import open_database
    from ui.exchange.cli import run_export, run_import

    try:
        services = open_database(_target(args), backup_dir=backup_dir())  # an upgrade is backed up
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
    from desktop.common.config import backup_dir

    try:
        services = open_database(_target(args), backup_dir=backup_dir())  # an upgrade is backed up
        written = write_report(services.reports, kind, text, args.out, args.xlsx)
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


def _database_problem(value: str) -> str | None:
    """Why ``--db`` cannot name a database (None when it can): checked before any command
    opens anything, so a mistyped URL is a message, never a traceback."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from db.engine import to_url

    try:
        url = make_url(to_url(value))
        port = url.port
    except (ArgumentError, ValueError) as exc:
        return str(exc)
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        backend = url.get_backend_name()
        return f"只支持 SQLite 文件或 PostgreSQL 服务器 / only SQLite files and PostgreSQL servers: {backend}"
    if port is not None and not 0 < port < 65536:
        return f"端口无效 / bad port: {port}"
    return None


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # Commands only: the app paints its login window before SQLAlchemy is imported and
    # reports a database it cannot open in that window.
    for given in {getattr(args, "sub_db", None), args.db} - {None, ""} if args.command else ():
        why = _database_problem(given)
        if why is not None:
            print(f"错误：数据库地址无效 / bad database path or URL: {given}\n{why}", file=sys.stderr)
            return 2
    if args.command == "demo":
        return _cmd_demo(args)
    if args.command == "check":
        return _cmd_check(args)
    if args.command == "chain-key":
        return _cmd_chain_key(args)
    if args.command == "move-to-server":
        return _cmd_move_to_server(args)
    if args.command in ("import", "export"):
        return _cmd_exchange(args)
    if args.command == "backup":
        return _cmd_backup(args)
    if args.command == "restore":
        return _cmd_restore(args)
    if args.command == "upgrade":
        return _cmd_upgrade(args)
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
