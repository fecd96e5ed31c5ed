"""Start-up: process start → login window painted, against a bare PySide6 window.

    uv run python benchmarks/bench_startup.py [--db FILE] [--runs N]

Each run starts three processes, one after the other, and takes the time from starting
the process to the moment it says its window has been painted (it prints a line after
the window's first paint event; the time is taken here, when the line arrives):

  - bare:           a bare PySide6 dialog with one label — the anchor;
  - bare + ORM:     the same after ``import sqlalchemy.orm`` (the anchor issue #8 quotes);
  - app:            ``python main.py --db FILE`` with ``SHEQU_EXIT_AT_LOGIN=1``: the login
                    window; the same process then says when the database is open behind
                    it (login enabled) and quits.

The runs alternate between the three so that a busy machine slows them alike; medians
are printed, and the app's median over the bare window's (goal: ≤ 1.3×). Without
``--db`` a centre demo database is made once in the system temp folder and reused.
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
GOAL = 1.3

BARE = """
import sys
{extra}
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QVBoxLayout

app = QApplication(sys.argv[:1])
window = QDialog()
QVBoxLayout(window).addWidget(QLabel("社区服务中心"))


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print("painted", flush=True), app.quit()))
        return False


first = FirstPaint()
window.installEventFilter(first)
window.show()
app.exec()
"""


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["SHEQU_EXIT_AT_LOGIN"] = "1"
    env["SHEQU_CONFIG_DIR"] = tempfile.mkdtemp(prefix="shequ-bench-config-")
    env["SHEQU_LOG_DIR"] = tempfile.mkdtemp(prefix="shequ-bench-log-")
    return env


def _timed(command: list[str], markers: tuple[str, ...], env: dict[str, str]) -> list[float]:
    """Start ``command``; the ms from the start to each marker line (in order)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    times: list[float] = []
    for line in process.stdout:
        if len(times) < len(markers) and line.startswith(markers[len(times)]):
            times.append((time.perf_counter() - started) * 1000)
    if process.wait() != 0 or len(times) != len(markers):
        raise RuntimeError(f"{command[1:]} failed (exit {process.returncode}, saw {len(times)} markers)")
    return times


def bare_window(env: dict[str, str], *, orm: bool = False) -> float:
    """ms from process start to a bare PySide6 window painted."""
    code = BARE.format(extra="import sqlalchemy.orm" if orm else "")
    return _timed([sys.executable, "-c", code], ("painted",), env)[0]


def app_login(db: Path, env: dict[str, str]) -> tuple[float, float]:
    """ms from process start to the login window painted, and to the database open."""
    painted, ready = _timed(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db)],
        ("shequ: login painted", "shequ: database open"),
        env,
    )
    return painted, ready


def measure(db: Path, runs: int) -> dict[str, float]:
    """Medians (ms) of ``runs`` alternating runs: bare, bare_orm, login, ready."""
    env = _environment()
    app_login(db, env)  # warm the OS file cache once, as any second start of a program
    bare_window(env, orm=True)
    figures: dict[str, list[float]] = {"bare": [], "bare_orm": [], "login": [], "ready": []}
    for _ in range(runs):
        figures["bare"].append(bare_window(env))
        figures["bare_orm"].append(bare_window(env, orm=True))
        login, ready = app_login(db, env)
        figures["login"].append(login)
        figures["ready"].append(ready)
    return {key: statistics.median(values) for key, values in figures.items()}


def report(db: Path, runs: int) -> dict[str, float]:
    m = measure(db, runs)
    ratio = m["login"] / m["bare"]
    print(f"start-up, process start → window painted (median of {runs} alternating runs):")
    print(f"  bare PySide6 window                    {m['bare']:7.0f} ms")
    print(f"  bare PySide6 window + sqlalchemy.orm   {m['bare_orm']:7.0f} ms")
    print(f"  login window (python main.py)          {m['login']:7.0f} ms")
    print(f"  … database open behind it, 登录 enabled  {m['ready']:7.0f} ms")
    verdict = "ok" if ratio <= GOAL else "over the goal"
    print(f"login window / bare window: {ratio:.2f}× (goal ≤ {GOAL}×: {verdict})")
    print(f"login window / bare window + ORM: {m['login'] / m['bare_orm']:.2f}×")
    return m


def ensure_demo(path: Path) -> None:
    if path.exists():
        return
    print(f"creating a centre demo database at {path} …", flush=True)
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "demo", "--scale", "centre", "--db", str(path)],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "shequ-bench-centre.sqlite3")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    ensure_demo(args.db)
    print(f"database: {args.db}")
    report(args.db, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
