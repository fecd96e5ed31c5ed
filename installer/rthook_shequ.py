"""PyInstaller runtime hook: runs in the frozen app before ``main.py``.

The commands print Chinese (``备份完成``). A console shows it whatever the code page, but
output redirected to a file or a pipe (Task Scheduler's log, a CI runner) is encoded with
the system's ANSI code page, and on a Windows set to English that cannot encode Chinese:
``print`` would raise ``UnicodeEncodeError`` and a finished backup would exit non-zero.
So redirected output never fails (a character the code page lacks becomes "?"), and
``PYTHONIOENCODING`` — which a frozen app does not otherwise read — picks the encoding
(``utf-8`` in CI). The windowed ``shequ.exe`` has no standard streams at all
(``sys.stdout`` is None); ``print`` then does nothing and nothing is changed here.
"""

import os
import sys


def _safe_streams() -> None:
    wanted = os.environ.get("PYTHONIOENCODING", "").partition(":")[0].strip() or None
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            reconfigure(encoding=wanted, errors="replace")
        except (LookupError, ValueError, OSError):
            reconfigure(errors="replace")


_safe_streams()
