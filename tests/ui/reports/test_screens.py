"""``screens()`` gives the screenshots command the dashboard, the report page and the
report's preview, each loaded and drawn."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.reports.screens import PAGE_AREA, screens


def test_screens_opens_the_dashboard_the_report_page_and_the_preview(qtbot, services, director):
    parent = QWidget()
    qtbot.addWidget(parent)
    found = screens(services, director)
    assert set(found) == {"reports_dashboard", "reports_monthly", "preview_report", "reports_archive_changes"}
    for name, make in found.items():
        dialog = make(parent)
        dialog.show()
        assert not dialog.grab().isNull()
        if name == "preview_report":
            assert dialog.document.pageCount() >= 2
            assert dialog.windowTitle() == f"Report {services.reports.last_closed_period().label}"
        elif name == "reports_archive_changes":
            assert dialog.table.model().rowCount() == 2  # the two figures that changed
        else:
            assert (dialog.width(), dialog.height()) == PAGE_AREA
        dialog.hide()
        dialog.deleteLater()
    desk = services.accounts.login("qiantai", "qiantai123")
    assert screens(services, desk) == {}
