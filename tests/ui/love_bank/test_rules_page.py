"""积分规则 page: rules saved with checks, and the year-end settlement."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from desktop.residents.service import ResidentForm
from ui.love_bank.rules_page import LoveBankSettingsPage


def test_rules_are_checked_and_saved(qtbot, services, admin):
    page = LoveBankSettingsPage(services.love_bank, admin)
    qtbot.addWidget(page)
    page.points_per_hour.setText("abc")
    page.save_rules()
    assert page.boxes["points_per_hour"].error.isVisibleTo(page)
    page.points_per_hour.setText("0")
    page.save_rules()
    assert page.boxes["points_per_hour"].error.isVisibleTo(page)
    page.points_per_hour.setText("12")
    page.daily_cap_hours.setText("6.5")
    page.save_rules()
    rules = services.love_bank.rules()
    assert rules.points_per_hour == 12 and rules.daily_cap_minutes == 390


def test_year_end_settlement_expires_unspent_old_points(qtbot, services, admin, coordinator, monkeypatch):
    resident = services.residents.save(coordinator, ResidentForm(name="结算测试"))
    volunteer = services.love_bank.register_volunteer(coordinator, resident)
    services.love_bank.adjust(coordinator, volunteer, 40, "测试积分")
    page = LoveBankSettingsPage(services.love_bank, admin)
    qtbot.addWidget(page)
    shown = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: shown.append(a[2])))
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    page.cutoff.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    page.settle()
    assert services.love_bank.volunteer(coordinator, volunteer).available == 0
    assert len(shown) == 1  # the user is told how many points expired


def test_year_end_settlement_asks_first_and_no_changes_nothing(qtbot, services, admin, coordinator):
    resident = services.residents.save(coordinator, ResidentForm(name="结算取消"))
    volunteer = services.love_bank.register_volunteer(coordinator, resident)
    services.love_bank.adjust(coordinator, volunteer, 40, "测试积分")
    asked: list[str] = []

    def answer_no(_parent, _title, text):
        asked.append(text)
        return False

    page = LoveBankSettingsPage(services.love_bank, admin, ask=answer_no)
    qtbot.addWidget(page)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    page.cutoff.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    page.settle()
    assert len(asked) == 1 and asked[0].startswith(f"Expire all unspent points earned before {tomorrow}")
    assert services.love_bank.volunteer(coordinator, volunteer).available == 40
