"""Every love-bank dialog, opened on real data, for ``main.py screenshots``.

The screenshots command (``ui.shell.screenshots``) photographs each dialog this returns,
so a dialog added to the love bank is added here and is looked at with the others —
also in the states that once clipped (调整积分 with 积分不足, a batch with bad rows).
Nothing is saved: dialogs with errors were only asked to check their fields.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QDialog, QWidget

from desktop.common.permissions import Actor
from desktop.love_bank.service import FROZEN, LoveBankService
from desktop.residents.service import ResidentService
from ui.love_bank.batch_entry import BatchEntryDialog
from ui.love_bank.dialogs import cancel_redemption_dialog, reject_hours_dialog
from ui.love_bank.hours_dialogs import ActivityDialog, RecordHoursDialog
from ui.love_bank.shop_dialogs import ItemDialog, RedemptionDialog
from ui.love_bank.volunteer_detail import VolunteerDetailDialog
from ui.love_bank.volunteer_dialogs import AdjustDialog, RegisterVolunteerDialog, TeamDialog

DialogFactory = Callable[[QWidget], QDialog]


def _never(_reason: str) -> None:
    """A screenshot's reason dialog saves nothing."""


def _leave(*_args: object) -> bool:
    """The batch entry closes after its screenshot without asking."""
    return True


def dialogs(
    love_bank: LoveBankService, residents: ResidentService, actor: Actor, centre_name: str = ""
) -> dict[str, DialogFactory]:
    """Name → a factory of each love-bank dialog (``parent`` → dialog, not yet shown)."""
    volunteers = love_bank.volunteers(actor, limit=300)
    if not volunteers:
        return {}
    # The volunteer with the most hours shows stars, a long statement and redemptions.
    star = max(volunteers, key=lambda v: v.hours)
    items = love_bank.items()

    def adjust_not_enough(parent: QWidget) -> QDialog:
        dialog = AdjustDialog(love_bank, actor, star, parent)
        dialog.points_edit.setText(str(-(star.available + 100)))
        dialog.reason_edit.setText("重复登记")
        dialog._submit()  # 积分不足: refused, nothing written
        return dialog

    def reverse_entry(parent: QWidget) -> QDialog:
        detail = VolunteerDetailDialog(love_bank, actor, star.id, parent, centre_name=centre_name)
        detail.select_statement_row(len(detail.lines) - 1)
        detail.reverse_selected()  # the reason dialog opens over the (hidden) volunteer
        assert detail.action_dialog is not None
        return detail.action_dialog

    def batch_with_bad_rows(parent: QWidget) -> QDialog:
        dialog = BatchEntryDialog(love_bank, actor, parent, ask=_leave)  # closes without asking
        for v in volunteers[:4]:
            dialog.add_volunteer(v)
        dialog.set_hours(1, "abc")
        dialog.set_hours(2, "25")
        dialog.save_all()  # bad rows: nothing saved
        return dialog

    found: dict[str, DialogFactory] = {
        "lb_volunteer_detail": lambda parent: VolunteerDetailDialog(
            love_bank, actor, star.id, parent, centre_name=centre_name
        ),
        "lb_register_volunteer": lambda parent: RegisterVolunteerDialog(love_bank, residents, actor, parent),
        "lb_new_team": lambda parent: TeamDialog(love_bank, actor, parent),
        "lb_adjust_points": lambda parent: AdjustDialog(love_bank, actor, star, parent),
        "lb_adjust_points_not_enough": adjust_not_enough,
        "lb_reverse_entry": reverse_entry,
        "lb_record_hours": lambda parent: RecordHoursDialog(love_bank, actor, parent),
        "lb_batch_entry": batch_with_bad_rows,
        "lb_new_activity": lambda parent: ActivityDialog(love_bank, actor, parent),
        "lb_reject_hours": lambda parent: reject_hours_dialog(1, star.name, _never, parent),
        "lb_redemption": lambda parent: RedemptionDialog(love_bank, actor, parent, volunteer_id=star.id),
        "lb_new_item": lambda parent: ItemDialog(love_bank, actor, None, parent),
    }
    if items:
        found["lb_edit_item"] = partial(ItemDialog, love_bank, actor, items[0])
    waiting = love_bank.redemptions(actor, status=FROZEN, limit=1)
    if waiting:
        r = waiting[0]
        found["lb_cancel_redemption"] = lambda parent: cancel_redemption_dialog(r, _never, parent)
    return found
