"""Opening the detail of a row: in the main window when it listens, else on the page.

A list (今日待办, 全部诉求, 志愿者 …) opens a row by emitting its ``sig_open_…`` signal;
the main window listens and shows the detail where it keeps its detail windows. A page
shown on its own (in a test, a screenshot) has no listener: it opens the detail dialog
itself, one at a time (:func:`open_detail` on the page's :class:`DialogHost`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import SIGNAL, QObject
from PySide6.QtWidgets import QDialog, QWidget

from desktop.common.errors import DomainError
from ui.widgets.forms import DialogHost
from ui.widgets.messages import show_error


def has_receivers(obj: QObject, signature: str) -> bool:
    """Whether anyone listens to ``obj``'s signal ``signature`` (e.g. ``"sig_open_request(int)"``)."""
    return obj.receivers(SIGNAL(signature)) > 0


def open_detail(
    host: DialogHost,
    page: QWidget,
    make: Callable[[], QDialog],
    *,
    error_title: str,
    on_gone: Callable[[], object],
) -> QDialog | None:
    """Show the dialog ``make`` builds in ``host``, instead of the one open before.

    When it cannot be built — the row is gone, deleted at another desk — the page says
    why under ``error_title`` and ``on_gone`` reads its rows again.
    """
    host.close()
    try:
        dialog = make()
    except DomainError as exc:
        show_error(page, error_title, exc)
        on_gone()
        return None
    host.open(dialog)
    return dialog
