"""PostgreSQL's own tools for backups of a server database: pg_dump, pg_restore, psql.

A dump is written in the custom format under a temporary name, verified with
``pg_restore --list`` (it must list the schema revision's table) and only then renamed,
so a file named like a dump is always a whole one. A restore runs the dump's SQL in one
transaction after emptying the schema: it is applied whole or not at all.

The tools are looked up in ``SHEQU_PG_BIN`` (a folder), then on the PATH, then (Windows)
in the usual install folders. The password goes to the tools in ``PGPASSWORD``, never on
a command line other users could read.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy.engine import make_url

PG_BIN_ENV = "SHEQU_PG_BIN"
PAUSE_ENV = "SHEQU_TEST_BACKUP_PAUSE"
"""Seconds to sleep after a backup's data is written and before it is verified and
renamed (tests kill a process there): ``"60"`` at every step, ``"zip:60"`` only at that
step (``copy``: a database copy or dump; ``zip``: the backup zip). Never set in real use."""


class PgToolMissing(Exception):
    """pg_dump (or pg_restore, psql) is not installed on this PC."""

    def __init__(self, tool: str):
        super().__init__(tool)
        self.tool = tool


class PgToolFailed(Exception):
    """The tool ran and failed; the message is its last line of errors."""


def find_tool(name: str) -> str | None:
    exe = name + (".exe" if sys.platform == "win32" else "")
    folder = os.environ.get(PG_BIN_ENV)
    if folder:
        candidate = Path(folder) / exe
        return str(candidate) if candidate.is_file() else None
    found = shutil.which(name)
    if found:
        return found
    if sys.platform == "win32":  # pragma: no cover - Windows
        for pattern in (r"C:\Program Files\PostgreSQL\*\bin", r"C:\Program Files (x86)\PostgreSQL\*\bin"):
            for bin_dir in sorted(glob.glob(pattern), reverse=True):
                candidate = Path(bin_dir) / exe
                if candidate.is_file():
                    return str(candidate)
    return None


def _tool(name: str) -> str:
    found = find_tool(name)
    if found is None:
        raise PgToolMissing(name)
    return found


def tools_installed() -> bool:
    return all(find_tool(name) for name in ("pg_dump", "pg_restore"))


def connection(url: str) -> tuple[str, dict[str, str]]:
    """A libpq URI without the password, and the environment carrying it."""
    u = make_url(url)
    env = dict(os.environ)
    if u.password:
        env["PGPASSWORD"] = str(u.password)
    uri = u.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    return uri, env


def _run(args: list[str], env: dict[str, str], *, stdin: int | None = None) -> str:
    try:
        done = subprocess.run(
            args, env=env, capture_output=True, text=True, encoding="utf-8", errors="replace", stdin=stdin
        )
    except OSError as exc:
        raise PgToolFailed(str(exc)) from exc
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        raise PgToolFailed(lines[-1] if lines else f"{Path(args[0]).name} exit {done.returncode}")
    return done.stdout


def pause_for_tests(step: str) -> None:
    pause = os.environ.get(PAUSE_ENV, "")
    wanted, _sep, seconds = pause.rpartition(":")
    if seconds and wanted in ("", step):
        time.sleep(float(seconds))


def verify_dump(path: Path) -> None:
    """A dump that ``pg_restore --list`` reads and that holds this app's schema revision."""
    listing = _run([_tool("pg_restore"), "--list", str(path)], dict(os.environ))
    if "alembic_version" not in listing:
        raise PgToolFailed(f"{path.name}: not a database of this program")


def dump(url: str, target: Path) -> Path:
    """Write a verified custom-format dump of the database to ``target``."""
    uri, env = connection(url)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    try:
        _run(
            [
                _tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file",
                str(partial),
                uri,
            ],
            env,
        )
        pause_for_tests("copy")
        verify_dump(partial)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def restore(url: str, dump_file: Path) -> None:
    """Replace everything in the database's public schema by the dump, in one transaction."""
    uri, env = connection(url)
    script = dump_file.with_name(dump_file.name + ".sql")
    try:
        sql = _run([_tool("pg_restore"), "--no-owner", "--no-privileges", "--file", "-", str(dump_file)], env)
        script.write_text(
            "DROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n" + sql, encoding="utf-8"
        )
        _run(
            [_tool("psql"), "--no-psqlrc", "--quiet", "--single-transaction", "-v", "ON_ERROR_STOP=1"]
            + ["--file", str(script), "--dbname", uri],
            env,
            stdin=subprocess.DEVNULL,
        )
    finally:
        script.unlink(missing_ok=True)
