"""迁移到服务器: copy this centre's database file into an empty PostgreSQL database.

The copy runs off the GUI thread with a progress bar and 取消; cancelling, or any
check that fails, leaves the server database empty. The report lists what was copied
and checked. The file itself is only read. Afterwards the dialog offers to switch this
PC to the server (other PCs are switched on their own 设置 → 数据库).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.admin.move_to_server import MoveCancelled, MoveReport, move_to_server
from desktop.admin.server_settings import ServerAddress
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor
from ui.widgets.background import Progress, Task, run_task
from ui.widgets.i18n import Translator, error_text

_ = Translator("database")


def ledger_labels() -> dict[str, str]:
    return {
        "ledger_available": _("Points in the ledger (available)"),
        "ledger_frozen": _("Points in the ledger (frozen)"),
        "balance_available": _("Points balances (available)"),
        "balance_frozen": _("Points balances (frozen)"),
    }


class MoveDialog(QDialog):
    """Args:
    source: the SQLite file to copy (this PC's database).
    switch: called with no argument when the user chooses to open the server from the
        next start (saves this PC's setting); None hides that button.
    """

    def __init__(
        self,
        actor: Actor,
        source: str,
        address: ServerAddress,
        password: str,
        parent: QWidget | None = None,
        *,
        switch: Callable[[], str] | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(_("Move this centre to the server"))
        self.setMinimumWidth(640)
        self._actor, self._source, self._address, self._password = actor, source, address, password
        self._switch = switch
        self.task: Task | None = None
        self.report: MoveReport | None = None

        intro = QLabel(
            _(
                "All of this centre's data is copied from the file into the empty database on the "
                "server, and checked: row counts, points totals and the audit log. The file is only "
                "read and stays as it is. If anything does not match, or you cancel, nothing is kept "
                "on the server."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("From (this PC's file)"), _wrapped(source))
        form.addRow(_("To (server database)"), _wrapped(address.describe()))
        self.bar = QProgressBar()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.step = QLabel()
        self.step.setObjectName("hint")
        self.output = QPlainTextEdit()
        self.output.setReadOnly(True)
        self.output.setMinimumHeight(180)
        self.start_button = QPushButton(_("&Start moving"))
        self.start_button.setObjectName("primary")
        self.start_button.clicked.connect(self.start)
        self.switch_button = QPushButton(_("Use the server on this PC"))
        self.switch_button.clicked.connect(self._use_server)
        self.switch_button.setEnabled(False)
        self.close_button = QPushButton(_("Close"))
        self.close_button.clicked.connect(self._close_or_cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        if switch is not None:
            buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        if switch is None:  # never show a parentless button
            self.switch_button.setParent(self)
            self.switch_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.bar)
        layout.addWidget(self.step)
        layout.addWidget(self.output, 1)
        layout.addLayout(buttons)
        self.start_button.setFocus()

    @property
    def running(self) -> bool:
        return self.task is not None and self.task.running

    def start(self) -> None:
        if self.running:
            return
        actor, source, url = self._actor, self._source, self._address.url(self._password)
        self.output.clear()
        self.start_button.setEnabled(False)
        self.close_button.setText(_("Cancel"))
        self.step.setText(_("Checking the server…"))

        def work(progress: Progress) -> MoveReport:
            return move_to_server(
                actor, source, url, report=progress.report, should_stop=lambda: progress.cancelled
            )

        self.task = run_task(
            self,
            work,
            title=_("Move this centre to the server"),
            on_done=self._done,
            on_failed=self._failed,
            on_progress=self._progress,
            dialog=False,
        )

    def cancel(self) -> None:
        if self.running and self.task is not None:
            self.task.progress.cancel()
            self.step.setText(_("Stopping… (the server database is being emptied again)"))

    def _close_or_cancel(self) -> None:
        if self.running:
            self.cancel()
        else:
            self.accept()

    def reject(self) -> None:  # Esc and the window's ✕: cancel a running move first
        if self.running:
            self.cancel()
            return
        super().reject()

    def _progress(self, done: int, total: int, table: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))
        if table:
            text = _("Copying {table}: {done} of {total} rows", table=table, done=done, total=total)
            self.step.setText(text)

    def _finished(self) -> None:
        self.close_button.setText(_("Close"))
        self.start_button.setEnabled(True)

    def _done(self, report: MoveReport) -> None:
        self._finished()
        self.report = report
        self.start_button.setEnabled(False)
        self.switch_button.setEnabled(True)
        self.step.setText(_("Done: the centre is on the server, and the copy checked."))
        self.output.setPlainText("\n".join(self.report_lines(report)))

    def _failed(self, error: BaseException) -> None:
        self._finished()
        if isinstance(error, MoveCancelled):
            self.bar.setValue(0)
        text = error_text(error) if isinstance(error, DomainError) else f"{type(error).__name__}: {error}"
        self.step.setText(_("Not moved."))
        self.output.setPlainText(text)

    def report_lines(self, report: MoveReport) -> list[str]:
        lines = [
            _(
                "Copied {tables} tables, {rows} rows in {seconds} s; "
                "the server database is at revision {rev}.",
                tables=len(report.tables),
                rows=report.rows,
                seconds=f"{report.seconds:.1f}",
                rev=report.revision,
            ),
            _("Checked, each the same in the file and on the server:"),
        ]
        labels = ledger_labels()
        lines += [
            _("  {table}: {rows} rows", table=t.name, rows=t.target_rows)
            for t in report.tables
            if t.source_rows
        ]
        lines += [
            _("  {what}: {total}", what=labels.get(what, what), total=after)
            for what, _before, after in report.ledger
        ]
        lines.append(_("  Audit log: {rows} entries, the chain verifies", rows=report.audit_rows))
        if report.attachments:
            lines.append(
                _(
                    "Note: {count} attachment files are in the folder beside the file, not in the "
                    "database; copy them as the administrators' guide says.",
                    count=report.attachments,
                )
            )
        lines.append(_("The file was not changed."))
        return lines

    def _use_server(self) -> None:
        if self._switch is None:
            return
        try:
            notice = self._switch()
        except DomainError as exc:
            self.step.setText(error_text(exc))
            return
        from ui.widgets.i18n import desktop_text

        self.switch_button.setEnabled(False)
        self.step.setText(desktop_text(notice))


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label
