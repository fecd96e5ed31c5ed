"""The providers, funds and service-menu pages: warnings in colour, performance shown,
the registry dialogs with the credit-code check as a warning and the 备案 note, funds
with their sums and payments, the monthly statement, and refreshes that keep the
selection."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from desktop.orders.money import parse_yuan
from desktop.orders.vocabulary import NO_LEGAL_PERSONALITY, ProviderKind
from tests.ui.orders.support import FakePreview, show
from ui.orders.formatting import DANGER_COLOUR, INACTIVE_COLOUR, WARNING_COLOUR, yuan
from ui.orders.funds_page import FundsPage
from ui.orders.menu_page import ServiceMenuPage
from ui.orders.provider_dialogs import DiscreditDialog, InspectionDialog, ProviderDialog
from ui.orders.providers_page import ProvidersPage
from ui.widgets.i18n import desktop_text

VALID_CODE = "52370302MJD2022018"  # a 民非 code whose check character is right
WARNINGS_COLUMN, TAKEN_COLUMN = 2, 6


def colour(page, row: int):
    brush = page.model.data(page.model.index(row, 0), Qt.ItemDataRole.ForegroundRole)
    return brush.color().name() if brush is not None else None


def row_of(page, name: str) -> int:
    for r in range(page.model.rowCount()):
        line = page.model.row_at(r)
        if line.provider.name == name:
            return r
    raise AssertionError(name)


def test_providers_show_their_warnings_in_colour_and_their_performance(qtbot, services, front_desk):
    page = show(qtbot, ProvidersPage(services, front_desk))
    rows = services.orders.providers(front_desk, include_inactive=False)
    assert page.model.rowCount() == len(rows)
    discredited = next(p for p in rows if p.discredited)
    expired = next(p for p in rows if p.rating_expired and not p.discredited)
    plain = next(p for p in rows if not p.warnings)
    assert colour(page, row_of(page, discredited.name)) == DANGER_COLOUR
    assert colour(page, row_of(page, expired.name)) == WARNING_COLOUR
    assert colour(page, row_of(page, plain.name)) is None
    text = page.model.data(page.model.index(row_of(page, expired.name), WARNINGS_COLUMN))
    assert expired.rating_label in text
    # Performance: the columns hold the core's figures.
    performance = services.orders.provider_performance(front_desk)
    busy = max(rows, key=lambda p: performance[p.id].taken if p.id in performance else 0)
    line = page.model.row_at(row_of(page, busy.name))
    assert line.performance == performance[busy.id]
    taken = page.model.data(page.model.index(row_of(page, busy.name), TAKEN_COLUMN))
    assert taken == str(performance[busy.id].taken)
    # Inactive providers appear, greyed, when asked for.
    page.inactive_check.setChecked(True)
    everyone = services.orders.providers(front_desk)
    inactive = next(p for p in everyone if not p.is_active)
    assert colour(page, row_of(page, inactive.name)) == INACTIVE_COLOUR
    # The desk reads the registry but does not change it.
    assert page.new_button.isHidden() and page.new_provider() is None


def test_a_credit_code_that_fails_its_check_is_a_warning_and_the_provider_is_saved(
    qtbot, services, coordinator
):
    page = show(qtbot, ProvidersPage(services, coordinator))
    dialog = page.new_provider()
    assert isinstance(dialog, ProviderDialog)
    dialog.name.setText("阳光助老服务中心")
    dialog.kind.setCurrentIndex(dialog.kind.findData(ProviderKind.NON_ENTERPRISE.value))
    wrong = VALID_CODE[:-1] + ("9" if VALID_CODE[-1] != "9" else "8")
    dialog.credit_code.setText(wrong)
    dialog.check_code()
    box = dialog.boxes["credit_code"]
    assert box.error.objectName() == "fieldWarning" and box.error.isVisibleTo(dialog) and box.error.text()
    dialog.phone.setText("13912345678")
    dialog.areas.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.submit()
    assert dialog.saved is not None and dialog.saved.warnings
    assert page.selected_row() is not None and page.selected_row().provider.name == "阳光助老服务中心"
    saved = services.orders.provider(coordinator, dialog.saved.id)
    assert saved.credit_code == wrong and saved.phone == "139****5678"


def test_a_malformed_credit_code_is_an_error_and_nothing_is_saved(qtbot, services, coordinator):
    dialog = show(qtbot, ProviderDialog(services.orders, coordinator, None), (900, 560))
    dialog.name.setText("新社会组织")
    dialog.credit_code.setText("52370302MJD20220")  # 16 characters
    dialog.check_code()
    assert dialog.boxes["credit_code"].error.objectName() == "fieldError"
    before = len(services.orders.providers(coordinator))
    dialog.submit()
    assert dialog.isVisible() and dialog.error_of("credit_code")
    assert len(services.orders.providers(coordinator)) == before


def test_a_filed_organisation_is_told_it_cannot_sign_or_be_paid(qtbot, services, coordinator):
    dialog = show(qtbot, ProviderDialog(services.orders, coordinator, None), (900, 560))
    assert dialog.kind_note.isHidden()
    dialog.kind.setCurrentIndex(dialog.kind.findData(ProviderKind.FILED_COMMUNITY_ORG.value))
    assert not dialog.kind_note.isHidden()
    assert dialog.kind_note.text() == desktop_text(NO_LEGAL_PERSONALITY[ProviderKind.FILED_COMMUNITY_ORG])
    assert not dialog.team.isEnabled()
    dialog.kind.setCurrentIndex(dialog.kind.findData(ProviderKind.VOLUNTEER_TEAM.value))
    assert dialog.team.isEnabled()


def test_editing_a_provider_keeps_the_phone_left_empty(qtbot, services, director):
    page = show(qtbot, ProvidersPage(services, director))
    line = next(
        page.model.row_at(r) for r in range(page.model.rowCount()) if page.model.row_at(r).provider.phone
    )
    full = services.orders.reveal_provider_phone(director, line.id)
    dialog = page.edit_provider(line)
    assert line.provider.phone in dialog.phone.placeholderText()
    dialog.address.setText("张店区新地址8号")
    dialog.submit()
    assert not dialog.isVisible()
    assert services.orders.reveal_provider_phone(director, line.id) == full
    assert services.orders.provider(director, line.id).address == "张店区新地址8号"
    assert page.selected_row().id == line.id


def test_inspection_flag_and_deactivation_from_the_page(qtbot, services, director):
    page = show(qtbot, ProvidersPage(services, director))
    active = services.orders.providers(director, include_inactive=False)
    page.select_row(row_of(page, next(p.name for p in active if not p.warnings)))
    chosen = page.selected_row()
    inspection = page.record_inspection()
    assert isinstance(inspection, InspectionDialog)
    inspection.outcome.setCurrentIndex(inspection.outcome.findData("failed"))
    inspection.submit()
    assert colour(page, row_of(page, chosen.provider.name)) == WARNING_COLOUR
    flag = page.set_flag()
    assert isinstance(flag, DiscreditDialog)
    flag.flagged.setChecked(True)
    flag.submit()
    assert flag.isVisible() and flag.error_of("note")  # where it was listed and why
    flag.note.setPlainText("市民政局活动异常名录")
    flag.submit()
    assert colour(page, row_of(page, chosen.provider.name)) == DANGER_COLOUR
    page.select_row(row_of(page, chosen.provider.name))
    page.toggle_active()
    assert not services.orders.provider(director, chosen.id).is_active
    assert page.selected_row().id == chosen.id
    assert colour(page, row_of(page, chosen.provider.name)) == INACTIVE_COLOUR


def test_the_providers_page_follows_changes_made_elsewhere(qtbot, services, director, hub):
    page = show(qtbot, ProvidersPage(services, director, hub=hub))
    page.select_row(3)
    kept = page.selected_row().id
    other = page.model.row_at(5)
    services.orders.set_discredited(director, other.id, True, dt.date.today(), "异常名录")
    qtbot.waitUntil(lambda: page.model.row_at(row_of(page, other.provider.name)).provider.discredited)
    assert page.selected_row().id == kept


def test_funds_show_total_committed_paid_remaining_and_their_payments(qtbot, services, front_desk):
    page = show(qtbot, FundsPage(services, front_desk, preview_factory=FakePreview))
    funds = services.orders.funds(front_desk)
    assert page.model.rowCount() == len(funds)
    headers = [c.header for c in page.model.columns()]
    for r, f in enumerate(funds):
        cells = [page.model.data(page.model.index(r, c)) for c in range(len(headers))]
        assert cells[0] == f.name
        assert cells[3:7] == [yuan(f.total), yuan(f.committed), yuan(f.paid), yuan(f.remaining)]
        assert f.remaining == f.total - f.committed
    assert page.selected_row().id == funds[0].id
    payments = services.orders.payments(front_desk, fund_id=funds[0].id)
    assert page.payments.rowCount() == len(payments) > 0
    assert (
        sum(parse_yuan(page.payments.item(r, 5).text()) for r in range(page.payments.rowCount()))
        == funds[0].paid
    )
    page.select_row(1)
    assert page.payments.rowCount() == len(services.orders.payments(front_desk, fund_id=funds[1].id))
    assert page.new_button.isHidden() and page.new_fund() is None


def test_a_new_fund_and_a_total_below_what_is_committed(qtbot, services, director, hub):
    page = show(qtbot, FundsPage(services, director, hub=hub))
    dialog = page.new_fund()
    dialog.name.setText("2027年党组织服务群众专项经费")
    dialog.year.setValue(2027)
    dialog.total.setText("200,000")
    dialog.order_cap.setText("abc")
    dialog.submit()
    assert dialog.isVisible() and dialog.error_of("order_cap")
    dialog.order_cap.setText("")
    dialog.submit()
    assert not dialog.isVisible()
    assert page.selected_row().name == "2027年党组织服务群众专项经费"
    assert page.selected_row().total == 200_000_00
    busy = next(f for f in services.orders.funds(director) if f.committed)
    page.select_row(next(r for r in range(page.model.rowCount()) if page.model.row_at(r).id == busy.id))
    edit = page.edit_fund(page.selected_row())
    edit.total.setText(f"{(busy.committed - 100) / 100:.2f}")
    edit.submit()
    assert edit.isVisible() and edit.error_of("total")
    assert services.orders.fund(director, busy.id).total == busy.total


def test_the_monthly_statement_prints_from_the_funds_page(qtbot, services, front_desk, previews):
    page = show(qtbot, FundsPage(services, front_desk, preview_factory=FakePreview))
    dialog = page.choose_statement()
    dialog.submit()
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=20_000)
    assert previews[0].path.exists() and previews[0].path.stat().st_size > 0


def test_the_menu_page_adds_edits_and_withdraws_services(qtbot, services, admin, hub):
    page = show(qtbot, ServiceMenuPage(services, admin, hub=hub))
    count = page.model.rowCount()
    assert count == len(services.orders.menu(include_inactive=True))
    dialog = page.new_item()
    dialog.category.setCurrentText("助老服务")
    dialog.name.setText("上门修脚")
    dialog.guide_price.setText("35")
    dialog.kinds.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.submit()
    assert not dialog.isVisible()
    assert page.model.rowCount() == count + 1
    assert page.selected_row().name == "上门修脚" and page.selected_row().guide_price == 3500
    page.toggle_active()
    qtbot.waitUntil(lambda: not page.selected_row().is_active)
    assert page.active_button.text() != "" and page.selected_row().name == "上门修脚"
    duplicate = page.new_item()
    duplicate.category.setCurrentText("助老服务")
    duplicate.name.setText("上门修脚")
    duplicate.submit()
    assert duplicate.isVisible() and duplicate.error_of("name")


def test_only_the_administrator_edits_the_menu(qtbot, services, director):
    page = show(qtbot, ServiceMenuPage(services, director))
    assert page.new_button.isHidden() and page.new_item() is None
