"""The main window: left navigation, a header with the centre and the user, a status bar.

Only pages the user's role may open are listed; each has a Ctrl+number shortcut (and
F-keys as shown in its tooltip). Pages are built when first opened.

The window holds the one :class:`~ui.widgets.change_hub.ChangeHub` of the session,
attached to the database's change bus, and hands it to every page and dialog it builds:
a page refreshes itself when something it shows changed, wherever the change was made
(another PC's changes arrive within a few seconds through the database's change counter).
The window itself never tells a page to reload. The only thing it routes between pages
is an explicit request of the user (居民档案 → 查看诉求 opens 全部诉求 for that resident).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import DomainError
from desktop.common.permissions import ROLE_LABELS, Actor, Permission, Role
from desktop.opening import Services
from ui.widgets.change_hub import ChangeHub
from ui.widgets.i18n import Translator, desktop_text
from ui.widgets.messages import show_error

_ = Translator("main")


@dataclass(frozen=True)
class PageSpec:
    key: str  # also the screenshot file name
    title: str
    permission: Permission | None
    build: Callable[[], QWidget]


class MainWindow(QMainWindow):
    """Signals:
    sig_logout: the user chose to log out (the app shows the login window again).
    """

    sig_logout = Signal()

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.pick_save_file: Callable[[QWidget, str], str | None] | None = None
        """Where 导出 Excel asks for a file name (tests answer it); None: the usual dialog."""
        self.hub = ChangeHub(self)
        self.hub.follow(services.db)  # this desk's writes at once, other desks' within seconds
        self.setWindowTitle(_("Community Service Centre — {centre}", centre=services.centre.name()))
        self.resize(1366, 768)  # the size when it is un-maximized; present() maximizes
        self.setMinimumSize(1024, 640)

        self._specs = [s for s in self._all_pages() if s.permission is None or actor.can(s.permission)]
        self._pages: dict[str, QWidget] = {}

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(168)
        self.stack = QStackedWidget()
        for number, spec in enumerate(self._specs, start=1):
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.navigation.addItem(item)
            placeholder = QWidget()
            self.stack.addWidget(placeholder)
            if number <= 9:  # Ctrl+1 … Ctrl+9 for the first nine pages
                item.setToolTip(_("Shortcut: Ctrl+{n}", n=number))
                QShortcut(
                    QKeySequence(f"Ctrl+{number}"),
                    self,
                    activated=lambda n=number - 1: self.show_page_at(n),
                )
        self.navigation.currentRowChanged.connect(self.show_page_at)
        if "visits" in self.page_keys():
            item = self.navigation.item(self.page_keys().index("visits"))
            shortcut = self.VISITS_KEYS
            if item.toolTip():
                item.setToolTip(item.toolTip() + " / " + shortcut)
            else:
                item.setToolTip(_("Shortcut: {keys}", keys=shortcut))
            QShortcut(QKeySequence(shortcut), self, self.show_visits)

        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self._header())
        right.addWidget(self.stack, 1)
        row.addLayout(right, 1)
        self.setCentralWidget(body)

        self.statusBar().showMessage(_("Database: {name}", name=services.description))
        if self._specs:
            # A volunteer coordinator's day starts with the volunteers, the director's with
            # 数据看板, everyone else's with 今日待办.
            keys = self.page_keys()
            first = {Role.COORDINATOR: "volunteers", Role.DIRECTOR: "dashboard"}.get(actor.role, "")
            start = keys.index(first) if first in keys else 0
            self.navigation.setCurrentRow(start)

    def _header(self) -> QWidget:
        header = QWidget()
        header.setObjectName("header")
        row = QHBoxLayout(header)
        row.setContentsMargins(16, 8, 16, 8)
        self.centre_label = QLabel(self.services.centre.name())
        self.centre_label.setObjectName("centreName")
        role = desktop_text(ROLE_LABELS[self.actor.role])
        self.user_label = QLabel(_("{name} ({role})", name=self.actor.full_name, role=role))
        password = QPushButton(_("Change password"))
        password.clicked.connect(self._change_password)
        logout = QPushButton(_("Log out"))
        logout.setToolTip(_("Log out (Ctrl+Shift+L)"))
        logout.clicked.connect(self.sig_logout.emit)
        QShortcut(QKeySequence("Ctrl+Shift+L"), self, activated=self.sig_logout.emit)
        row.addWidget(self.centre_label)
        row.addStretch(1)
        row.addWidget(self.user_label)
        row.addWidget(password)
        row.addWidget(logout)
        return header

    def _all_pages(self) -> list[PageSpec]:
        s, a, hub = self.services, self.actor, self.hub

        def today() -> QWidget:
            from ui.requests.today_page import TodayPage

            page = TodayPage(s.requests, a, hub=hub, extra_panels=self._today_extras())
            page.sig_open_request.connect(self.open_request)
            return page

        def reception() -> QWidget:
            from ui.requests.reception_page import ReceptionPage

            page = ReceptionPage(
                s.requests,
                s.residents,
                a,
                centre_name=s.centre.name(),
                hub=hub,
                extra_actions=self._reception_extras(),
            )
            page.sig_open_request.connect(self.open_request)
            return page

        def requests() -> QWidget:
            from ui.requests.list_page import RequestsPage

            page = RequestsPage(s.requests, a, grids=s.residents.grids, hub=hub)
            self._offer_export(page, "requests")
            page.sig_open_request.connect(self.open_request)
            return page

        def residents() -> QWidget:
            from ui.residents.page import ResidentsPage

            page = ResidentsPage(s.residents, a, hub=hub, extra_actions=self._resident_extras())
            self._offer_export(page, "residents")
            page.sig_show_requests.connect(self.show_resident_requests)
            return page

        def volunteers() -> QWidget:
            from ui.love_bank.volunteers_page import VolunteersPage

            page = VolunteersPage(s.love_bank, s.residents, a, centre_name=s.centre.name(), hub=hub)
            self._offer_export(page, "volunteers")
            page.sig_open_volunteer.connect(self.open_volunteer)
            return page

        def service_hours() -> QWidget:
            from ui.love_bank.service_hours_page import ServiceHoursPage

            return ServiceHoursPage(s.love_bank, a, hub=hub)

        def supermarket() -> QWidget:
            from ui.love_bank.shop_page import SupermarketPage

            page = SupermarketPage(s.love_bank, a, centre_name=s.centre.name(), hub=hub)
            self._offer_export(page, "redemptions")
            return page

        def love_bank_settings() -> QWidget:
            from ui.love_bank.rules_page import LoveBankSettingsPage

            return LoveBankSettingsPage(s.love_bank, a, hub=hub)

        def users() -> QWidget:
            from ui.admin.users_page import UsersPage

            return UsersPage(s.accounts, a, hub=hub)

        def audit() -> QWidget:
            from ui.admin.audit_page import AuditPage

            return AuditPage(s.audit, a, hub=hub)

        def catalogue() -> QWidget:
            from desktop.requests.catalogue import CatalogueService
            from ui.requests.catalogue_page import CataloguePage

            return CataloguePage(CatalogueService(s.db), a, hub=hub)

        def clock_settings() -> QWidget:
            from desktop.requests.catalogue import CatalogueService
            from desktop.requests.clock_settings import ClockSettingsService
            from ui.requests.deadlines_page import ClockSettingsPage

            return ClockSettingsPage(ClockSettingsService(s.db), CatalogueService(s.db), a, hub=hub)

        def backups() -> QWidget:
            from ui.admin.backup_page import BackupPage

            return BackupPage(s, a)

        def settings() -> QWidget:
            from ui.admin.settings_page import SettingsPage

            page = SettingsPage(s, a, hub=hub)
            page.sig_centre_renamed.connect(self._centre_renamed)
            return page

        def orders() -> QWidget:
            from ui.orders.board_page import OrdersBoardPage

            page = OrdersBoardPage(s, a, hub=hub)
            self._offer_export(page, "orders")
            return page

        def providers() -> QWidget:
            from ui.orders.providers_page import ProvidersPage

            return ProvidersPage(s, a, hub=hub)

        def funds() -> QWidget:
            from ui.orders.funds_page import FundsPage

            return FundsPage(s, a, hub=hub)

        def service_menu() -> QWidget:
            from ui.orders.menu_page import ServiceMenuPage

            return ServiceMenuPage(s, a, hub=hub)

        def exchange() -> QWidget:
            from ui.exchange.page import ExchangePage

            return ExchangePage(s.exchange, a, hub=hub)

        def visits() -> QWidget:
            from ui.visits.ledger_page import VisitsPage

            return VisitsPage(s.visits, s.residents, a, hub=hub)

        def dashboard() -> QWidget:
            from ui.reports.dashboard_page import DashboardPage

            return DashboardPage(s, a, hub=hub, open_list=self.open_list)

        def monthly_report() -> QWidget:
            from ui.reports.report_page import ReportPage

            return ReportPage(s, a, hub=hub)

        return [
            PageSpec("today", _("Today"), Permission.VIEW_REQUESTS, today),
            PageSpec("reception", _("Reception"), Permission.HANDLE_REQUESTS, reception),
            PageSpec("requests", _("All requests"), Permission.VIEW_REQUESTS, requests),
            PageSpec("residents", _("Residents"), Permission.VIEW_RESIDENTS, residents),
            PageSpec("volunteers", _("Volunteers"), Permission.VIEW_LOVE_BANK, volunteers),
            PageSpec("service_hours", _("Service hours"), Permission.MANAGE_LOVE_BANK, service_hours),
            PageSpec("supermarket", _("Love supermarket"), Permission.VIEW_LOVE_BANK, supermarket),
            PageSpec("orders", _("Service orders"), Permission.VIEW_ORDERS, orders),
            PageSpec("providers", _("Providers"), Permission.VIEW_ORDERS, providers),
            PageSpec("funds", _("Funds"), Permission.VIEW_ORDERS, funds),
            PageSpec("visits", _("Visit ledger"), Permission.VIEW_VISITS, visits),
            PageSpec("dashboard", _("Dashboard"), Permission.VIEW_REPORTS, dashboard),
            PageSpec("monthly_report", _("Monthly report"), Permission.VIEW_REPORTS, monthly_report),
            PageSpec("exchange", _("Excel in and out"), Permission.VIEW_RESIDENTS, exchange),
            PageSpec("users", _("Users"), Permission.MANAGE_USERS, users),
            PageSpec("audit", _("Audit log"), Permission.VIEW_AUDIT, audit),
            PageSpec("catalogue", _("Categories"), Permission.MANAGE_SETTINGS, catalogue),
            PageSpec("clock_settings", _("Deadlines"), Permission.MANAGE_SETTINGS, clock_settings),
            PageSpec("lovebank_settings", _("Points rules"), Permission.MANAGE_SETTINGS, love_bank_settings),
            PageSpec("service_menu", _("Service menu"), Permission.MANAGE_SERVICE_MENU, service_menu),
            PageSpec("backups", _("Backup and restore"), Permission.MANAGE_BACKUPS, backups),
            PageSpec("settings", _("Settings"), None, settings),
        ]

    # --- what the visits job offers other pages (the jobs never import each other) ----------
    VISITS_KEYS = "Ctrl+Shift+W"
    """走访台账 from anywhere (W: 网格走访), beside the Ctrl+number of the first nine pages."""

    def _today_extras(self) -> list[QWidget]:
        """今日待办: the visits due this week in the user's grids, for who sees visits."""
        if not self.actor.can(Permission.VIEW_VISITS):
            return []
        from ui.visits.today_panel import WeekVisitsPanel

        return [WeekVisitsPanel(self.services.visits, self.services.residents, self.actor, hub=self.hub)]

    def _resident_extras(self) -> list[Any]:
        """居民档案: 走访记录 of the selected resident, for who sees visits."""
        if not self.actor.can(Permission.VIEW_VISITS):
            return []
        from ui.residents.page import ExtraAction

        return [
            ExtraAction(
                _("Visits"),
                _("The selected resident's grid visits (Ctrl+Shift+V)"),
                self.show_resident_visits,
                "Ctrl+Shift+V",
            )
        ]

    def show_resident_visits(self, resident_id: int, name: str) -> QWidget | None:
        """A resident's visits (走访记录), from their row in 居民档案."""
        from ui.visits.history_dialog import VisitHistoryDialog

        try:
            dialog = VisitHistoryDialog(
                self.services.visits,
                self.services.residents,
                self.actor,
                resident_id,
                name,
                self,
                hub=self.hub,
            )
        except DomainError as exc:
            show_error(self, _("Visits"), exc)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_visits(self) -> None:
        if "visits" in self.page_keys():
            self.show_page("visits")

    def open_list(self, target: str, filters: dict[str, object]) -> None:
        """Open the list a figure counted (数据看板 → 全部诉求 …), if this user may."""
        if target not in self.page_keys():
            return
        page = self.show_page(target)
        show = getattr(page, "show_filters", None)
        if show is not None and filters:
            show(filters)

    def _offer_export(self, page: QWidget, list_name: str) -> None:
        """Give a list page 导出 Excel when this user may export that list."""
        export = self._exporter(page, list_name)
        if export is not None and hasattr(page, "enable_export"):
            page.enable_export(export)

    def _exporter(self, parent: QWidget, list_name: str) -> Callable[[Any], None] | None:
        """导出 Excel of one list, taking what the list shows (None: this user may not)."""
        from desktop.exchange import export as exporting
        from ui.exchange.page import export_list

        name = exporting.ListName(list_name)
        exports = self.services.exchange.exports
        if name not in exports.lists(self.actor):
            return None

        def export(f: Any) -> None:
            # what the list shows, in the exporter's words
            if name is exporting.ListName.VOLUNTEERS:
                f = exporting.VolunteerFilter(
                    text=getattr(f, "text", ""), team_id=getattr(f, "team_id", None)
                )
            elif name is exporting.ListName.LEDGER:
                f = exporting.LedgerFilter(volunteer_id=getattr(f, "volunteer_id", None))
            elif name is exporting.ListName.REDEMPTIONS:
                f = exporting.RedemptionFilter(
                    volunteer_id=getattr(f, "volunteer_id", None), status=getattr(f, "status", None)
                )
            if self.pick_save_file is not None:
                export_list(parent, exports, self.actor, name, f, pick_save=self.pick_save_file)
            else:
                export_list(parent, exports, self.actor, name, f)

        return export

    def open_request(self, request_id: int) -> None:
        """Open a request's detail (every page showing it follows its changes by itself)."""
        from ui.requests.detail import RequestDetailDialog

        try:
            dialog = RequestDetailDialog(
                self.services.requests,
                self.actor,
                request_id,
                self,
                hub=self.hub,
                extra_actions=self._request_extras(),
            )
        except DomainError as exc:
            show_error(self, _("Request"), exc)
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _request_extras(self) -> list[tuple[str, str, Callable[[int], None]]]:
        """What other jobs offer on a request: 转为点单 (the orders job), for who may order."""
        if not self.actor.can(Permission.PLACE_ORDERS):
            return []
        return [
            (
                _("Turn into a service order"),
                _("Record the resident's service order (居民点单) from this request, keeping the link"),
                self.order_from_request,
            )
        ]

    def _reception_extras(self) -> list[Any]:
        """What other jobs offer on the resident chosen at reception: 居民点单 (the orders
        job, Ctrl+D: 点单), for who may record orders."""
        from ui.requests.reception_page import ResidentAction

        if not self.actor.can(Permission.PLACE_ORDERS):
            return []
        return [
            ResidentAction(
                _("Service order"),
                _("Record this resident's service order (居民点单), with the description typed so far"),
                "Ctrl+D",
                self.order_for_resident,
            )
        ]

    def order_for_resident(self, resident_id: int, description: str = "") -> QWidget:
        """居民点单 from reception: the dialog with the resident chosen there and what was
        typed; once saved, the order's page opens."""
        from ui.orders.place_dialog import PlaceOrderDialog

        dialog = PlaceOrderDialog(
            self.services, self.actor, self, resident_id=resident_id, description=description
        )
        return self._open_place_dialog(dialog)

    def order_from_request(self, request_id: int) -> QWidget:
        """转为点单: the 居民点单 dialog filled from a registered request (its resident and
        description, the link kept); once saved, the order's page opens."""
        from ui.orders.place_dialog import PlaceOrderDialog

        dialog = PlaceOrderDialog(self.services, self.actor, self, request_id=request_id)
        return self._open_place_dialog(dialog)

    def _open_place_dialog(self, dialog: Any) -> QWidget:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def saved() -> None:
            if dialog.order_id is not None:
                self.open_order(dialog.order_id)

        dialog.accepted.connect(saved)
        dialog.open()
        return dialog

    def open_order(self, order_id: int) -> None:
        from ui.orders.detail import OrderDetailDialog

        dialog = OrderDetailDialog(self.services, self.actor, order_id, self, hub=self.hub)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_volunteer(self, volunteer_id: int) -> None:
        """A volunteer's page."""
        from ui.love_bank.volunteer_detail import VolunteerDetailDialog

        try:
            dialog = VolunteerDetailDialog(
                self.services.love_bank,
                self.actor,
                volunteer_id,
                self,
                centre_name=self.services.centre.name(),
                hub=self.hub,
            )
        except DomainError as exc:
            show_error(self, _("Volunteers"), exc)
            return
        dialog.enable_export(
            ledger=self._exporter(dialog, "ledger"), redemptions=self._exporter(dialog, "redemptions")
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_resident_requests(self, resident_id: int, name: str) -> None:
        """居民档案 → 查看诉求: 全部诉求, showing that resident's requests."""
        if "requests" not in self.page_keys():
            return
        page = self.show_page("requests")
        page.show_resident(resident_id, name)

    # --- navigation ------------------------------------------------------------------
    def page_keys(self) -> list[str]:
        return [s.key for s in self._specs]

    def show_page(self, key: str) -> QWidget:
        index = self.page_keys().index(key)
        self.show_page_at(index)
        return self._pages[key]

    def show_page_at(self, index: int) -> None:
        if not 0 <= index < len(self._specs):
            return
        spec = self._specs[index]
        if spec.key not in self._pages:
            page = spec.build()
            old = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(old)
            old.deleteLater()
            self._pages[spec.key] = page
        if self.navigation.currentRow() != index:
            self.navigation.setCurrentRow(index)
        self.stack.setCurrentIndex(index)
        self.focus_page()

    def focus_page(self) -> None:
        """Put the keyboard in the current page: its main input or table, so typing and
        the page's shortcuts work at once, without a click."""
        page = self.stack.currentWidget()
        focus = getattr(page, "focus_default", None)
        if callable(focus):
            focus()
        current = self.focusWidget()
        if current is not None and page.isAncestorOf(current):
            return
        # A page without its own choice (or with nothing to focus): its first field.
        for name in ("search_edit", "table"):
            widget = getattr(page, name, None)
            if isinstance(widget, QWidget) and widget.isVisibleTo(page) and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        page.setFocus(Qt.FocusReason.OtherFocusReason)
        page.focusNextChild()

    def present(self) -> None:
        """Show the window maximized (on a 1366×768 laptop a normal window would put its
        bottom rows under the taskbar) and active, with the keyboard in the start page."""
        self.showMaximized()
        self.activateWindow()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # Focus set while the window was hidden is not kept on every platform: again now.
        QTimer.singleShot(0, self.focus_page)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.hub.detach_all()  # the next user's window gets its own hub
        super().closeEvent(event)

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    # --- header actions --------------------------------------------------------------
    def _change_password(self) -> None:
        from ui.admin.users_page import ChangePasswordDialog

        ChangePasswordDialog(self.services.accounts, self.actor, self).exec()

    def _centre_renamed(self, name: str) -> None:
        self.centre_label.setText(name)
        for key in ("reception", "volunteers", "supermarket"):
            page = self._pages.get(key)
            if page is not None:
                page.set_centre_name(name)
        self.setWindowTitle(_("Community Service Centre — {centre}", centre=name))
