"""PySide6 6.12.0 on Python 3.11 loses a reference to None on every None-returning Qt
call and aborts after ~5,000 of them (``Fatal Python error: none_dealloc``, exit 134);
see DESIGN.md. A table view makes thousands of such calls per repaint. The pins in
pyproject.toml avoid that combination; this test keeps any upgrade from bringing it back.

Qt runs only in the child process, so a crash fails this test instead of killing pytest.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 20_000

CHILD = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication

    class Empty(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()):
            return 100

        def columnCount(self, parent=QModelIndex()):
            return 10

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return None

    app = QApplication(sys.argv)
    model = Empty()
    index = model.index(3, 4)
    nones = 0
    for _ in range({CALLS}):
        if app.processEvents() is None:
            nones += 1
        if index.data() is None:
            nones += 1
    print("survived", nones, flush=True)
    """
)


def test_20000_none_returning_qt_calls_survive():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, (
        f"exit code {result.returncode}: PySide6 crashed on None-returning calls "
        f"(check the PySide6 pin in pyproject.toml)\n{result.stdout}\n{result.stderr}"
    )
    assert result.stdout.split() == ["survived", str(2 * CALLS)]
