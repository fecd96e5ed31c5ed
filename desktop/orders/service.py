"""Service orders (点单服务): the one object the screens hold for the orders job.

``OrderService(db, attachments_dir, now=clock, record_volunteer_hours=hook)`` is put
together from one part per sub-domain, each in the module named after what it holds:

- :mod:`desktop.orders.menu` — the service menu (服务清单);
- :mod:`desktop.orders.providers` — the providers' registry and its warnings;
- :mod:`desktop.orders.funds` — funds and budget lines;
- :mod:`desktop.orders.drafting` — 点单, 受理/驳回, 制单, 审批, 公示, 撤销;
- :mod:`desktop.orders.delivery` — 派单, 接单/拒单, sessions, 完成, 评单, 验收, 终止;
- :mod:`desktop.orders.payments` — 付款 in tranches, 结算, the monthly statement;
- :mod:`desktop.orders.attachments` — files of orders and providers;
- :mod:`desktop.orders.queries` — the board and one order in full;
- :mod:`desktop.orders.performance` — providers' performance and the choice of one;
- :mod:`desktop.orders.settings` — the approval threshold and default periods.

The flow's rules are in :mod:`desktop.orders.states`, money helpers in
:mod:`desktop.orders.money`, the vocabularies in :mod:`desktop.orders.vocabulary`. The
names the screens import are re-exported here.
"""

from __future__ import annotations

from db.orders import OrderFilter
from desktop.orders.attachments import ATTACHMENT_MAX_BYTES, AttachmentsPart
from desktop.orders.base import VolunteerHours
from desktop.orders.delivery import DeliveryPart, SessionForm, SessionResult, VolunteerTime
from desktop.orders.drafting import BudgetLine, DraftForm, DraftingPart, OrderForm, RequestBasics
from desktop.orders.funds import FundForm, FundRow, FundsPart
from desktop.orders.menu import MenuItemForm, MenuItemRow, MenuPart
from desktop.orders.payments import PaymentForm, PaymentRow, PaymentsPart, PurchaseStatement, StatementGroup
from desktop.orders.performance import PerformancePart, ProviderChoice, ProviderPerformance
from desktop.orders.providers import (
    CreditCodeCheck,
    InspectionRow,
    ProviderForm,
    ProviderRow,
    ProviderSaved,
    ProvidersPart,
)
from desktop.orders.queries import (
    AttachmentRow,
    Board,
    CandidateRow,
    EventRow,
    FundLineRow,
    OrderDetail,
    OrderRow,
    QueriesPart,
    SessionRow,
    SessionVolunteerRow,
    StageCount,
    Targets,
)
from desktop.orders.settings import OrderSettings, SettingsPart

__all__ = [
    "ATTACHMENT_MAX_BYTES",
    "AttachmentRow",
    "Board",
    "BudgetLine",
    "CandidateRow",
    "CreditCodeCheck",
    "DraftForm",
    "EventRow",
    "FundForm",
    "FundLineRow",
    "FundRow",
    "InspectionRow",
    "MenuItemForm",
    "MenuItemRow",
    "OrderDetail",
    "OrderFilter",
    "OrderForm",
    "OrderRow",
    "OrderService",
    "OrderSettings",
    "PaymentForm",
    "PaymentRow",
    "ProviderChoice",
    "ProviderForm",
    "ProviderPerformance",
    "ProviderRow",
    "ProviderSaved",
    "PurchaseStatement",
    "RequestBasics",
    "SessionForm",
    "SessionResult",
    "SessionRow",
    "SessionVolunteerRow",
    "StageCount",
    "StatementGroup",
    "Targets",
    "VolunteerHours",
    "VolunteerTime",
]


class OrderService(
    MenuPart,
    ProvidersPart,
    FundsPart,
    DraftingPart,
    DeliveryPart,
    PaymentsPart,
    AttachmentsPart,
    QueriesPart,
    PerformancePart,
    SettingsPart,
):
    """Everything the screens do with service orders; each method checks the actor's
    permission, opens its own unit of work and asks the clock once."""
