"""Every dialog of the visits job, opened on real data, for ``main.py screenshots``: the
record dialog (empty, and refusing a future date), the round of visits (with rows ticked,
and with a wrong row named), a resident's visits, the plan's rules, the print dialog and
the preview of the monthly ledger. Nothing is saved: dialogs with errors only asked the
core to check their fields (a refused round writes nothing)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QWidget

from desktop.common.permissions import Actor
from desktop.opening import Services
from desktop.visits.rules import Method, ReportItem
from desktop.visits.service import DueFilter, VisitRow
from ui.visits.batch_dialog import B_FINDINGS, BatchVisitDialog
from ui.visits.history_dialog import VisitHistoryDialog, WithdrawVisitDialog
from ui.visits.printing import PrintLedgerDialog, write_ledger
from ui.visits.record_dialog import RecordVisitDialog
from ui.visits.rules_dialog import VisitRulesDialog
from ui.widgets.i18n import Translator

_ = Translator("visits")

DialogFactory = Callable[[QWidget], QDialog]


def _leave(*_args: object) -> bool:
    """A round with ticked rows closes after its screenshot without asking."""
    return True


def _silent(*_args: object) -> None:
    """Nothing is told: nothing is saved."""


def dialogs(services: Services, actor: Actor) -> dict[str, DialogFactory]:
    """Name → factory of every dialog of the visits job (``parent`` → dialog, not yet shown)."""
    visits, residents = services.visits, services.residents
    open_rows = visits.due(actor, DueFilter(open_only=True)).page(0, 1)
    found: dict[str, DialogFactory] = {
        "visits_record": lambda parent: RecordVisitDialog(visits, residents, actor, parent, tell=_silent),
        "visits_rules": lambda parent: VisitRulesDialog(visits, actor, parent),
        "visits_print_ledger": lambda parent: PrintLedgerDialog(visits, actor, parent),
    }
    if not open_rows:
        return found
    first = open_rows[0]

    def record_refused(parent: QWidget) -> QDialog:
        dialog = RecordVisitDialog(
            visits, residents, actor, parent, resident=(first.resident_id, first.name), tell=_silent
        )
        tomorrow = dt.date.today() + dt.timedelta(days=1)
        dialog.date_edit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        dialog.item_checks[ReportItem.SAFETY].setChecked(True)
        dialog.show()
        dialog._submit()  # refused: the date, and the findings an item needing action needs
        return dialog

    def round_of(parent: QWidget, *, refused: bool) -> QDialog:
        dialog = BatchVisitDialog(visits, actor, parent, grid_id=first.grid_id, ask=_leave, tell=_silent)
        if dialog.rows:
            dialog.set_cell(0, B_FINDINGS, "身体尚可，独自在家，已叮嘱注意用电安全")
        if len(dialog.rows) > 1:
            dialog.tick(1)
            dialog.set_items(1, (ReportItem.RENTAL,) if not refused else (ReportItem.SAFETY,))
        if refused:
            dialog.show()
            dialog.save_all()  # refused: row 2 needs its findings; nothing saved
        return dialog

    found["visits_record_refused"] = record_refused
    found["visits_batch"] = lambda parent: round_of(parent, refused=False)
    found["visits_batch_refused"] = lambda parent: round_of(parent, refused=True)
    found["visits_history"] = lambda parent: VisitHistoryDialog(
        visits, residents, actor, first.resident_id, first.name, parent
    )
    done = visits.due(actor, DueFilter(status="done")).page(0, 1)
    history = visits.history(actor, done[0].resident_id) if done else []
    shown = (
        history[0]
        if history
        else VisitRow(  # shown only: nothing is withdrawn
            id=0,
            resident_id=first.resident_id,
            resident_name=first.name,
            visited_on=dt.date.today(),
            method=Method.HOME,
            visitor_id=actor.user_id or 0,
            visitor=actor.full_name,
            companions="",
            findings="",
            items=(),
            request_ids=(),
            photos=(),
            recorded_at=dt.datetime.now(),
            recorded_by=actor.full_name,
            supersedes_id=None,
            withdrawn=False,
            reason="",
            replaced=False,
        )
    )
    found["visits_withdraw"] = lambda parent: WithdrawVisitDialog(visits, actor, shown, parent)
    if first.grid_id is not None:
        grid_id, month = first.grid_id, dt.date.today().replace(day=1)

        def preview(parent: QWidget) -> QDialog:
            from ui.widgets.pdf_preview import PdfPreviewDialog

            path = write_ledger(visits, actor, grid_id, month)
            return PdfPreviewDialog(
                path, _("Visit ledger {grid} {month}", grid=first.grid, month=f"{month:%Y-%m}"), parent
            )

        found["preview_visit_ledger"] = preview
    return found


__all__ = ["dialogs"]
