"""What the love-bank pages share beside their tables: their buttons, the green line that
says what was just done, the two buttons of a redemption waiting for handover (and
the handover itself), and what a list shows when it is exported.

The 服务时长 and 爱心超市 pages and a volunteer's page (``volunteer_detail``) build these
the same way, so they live here rather than in one of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from desktop.common.errors import DomainError
from desktop.common.permissions import Actor
from desktop.love_bank.service import LoveBankService, RedemptionRow
from ui.widgets.i18n import Translator
from ui.widgets.list_page import action_button

_ = Translator("lovebank")


@dataclass(frozen=True)
class ShownRows:
    """What a love-bank list shows, as its 导出 Excel hands it to the shell (which turns it
    into the exporter's filter): one volunteer's rows, one redemption status; None: any."""

    volunteer_id: int | None = None
    status: str | None = None


def manager_button(owner: QWidget, text: str, tip: str, can_manage: bool) -> QPushButton:
    """A large button of a page's action bar that only a volunteer coordinator sees."""
    button = action_button(owner, text, tip)
    if not can_manage:  # hide() only: setVisible(True) on a parentless widget flashes a window
        button.hide()
    return button


def handover_buttons(can_manage: bool) -> tuple[QPushButton, QPushButton]:
    """核销 and cancel of the selected redemption waiting for handover (only a volunteer
    coordinator sees them)."""
    hand_over = QPushButton(_("Hand over"))
    hand_over.setToolTip(_("The goods or service were handed over (核销): the frozen points are spent"))
    cancel = QPushButton(_("Cancel redemption…"))
    cancel.setToolTip(_("Give back the points and the stock; a reason is required"))
    for button in (hand_over, cancel):
        button.setAutoDefault(False)
        if not can_manage:  # hide() only: setVisible(True) on a parentless widget flashes a window
            button.hide()
    return hand_over, cancel


def hand_over(
    love_bank: LoveBankService, actor: Actor, r: RedemptionRow, refused: Callable[[DomainError], None]
) -> bool:
    """核销 the redemption ``r``; a refusal (handed over or cancelled meanwhile, at another
    desk) goes to ``refused``. True when it was handed over."""
    try:
        love_bank.hand_over(actor, r.id)
    except DomainError as exc:
        refused(exc)
        return False
    return True


class SavedBar(QLabel):
    """The green line saying what was just done; it goes when the next action starts."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("savedBar")
        self.setWordWrap(True)
        self.hide()

    def say(self, text: str) -> None:
        """Say ``text`` (nothing: the line goes)."""
        self.setText(text)
        self.setVisible(bool(text))
