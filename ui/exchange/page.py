"""数据导入导出: the page that gathers the exchange job's actions, and the export action
the list pages call with their current filter.

* 导入居民 / 导入志愿者 open the wizard; 下载模板 saves a blank register (admin and
  coordinator: ``IMPORT_REGISTERS``).
* 导出 Excel: one button per list the role may see; the whole list from here, the
  filtered rows from a list page through :func:`export_list`.
* 合并重复居民 opens the merge dialog (``MERGE_RESIDENTS``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.common.errors import DomainError
from desktop.common.permissions import Actor, Permission
from desktop.exchange.export import LIST_LABELS, SHEET_TITLES, ExportResult, ExportService, Filter, ListName
from desktop.exchange.fields import Kind
from desktop.exchange.service import Exchange
from ui.exchange.merge_dialog import MergeDialog
from ui.exchange.wizard import ImportWizard, PickSave, Runner, pick_save_xlsx
from ui.exchange.wording import chinese
from ui.widgets.background import run_task
from ui.widgets.change_hub import ChangeHub
from ui.widgets.forms import DialogHost
from ui.widgets.i18n import Translator, desktop_text
from ui.widgets.messages import show_error

_ = Translator("exchange")


def export_list(
    parent: QWidget,
    exports: ExportService,
    actor: Actor,
    name: ListName,
    filter: Filter = None,
    *,
    pick_save: PickSave = pick_save_xlsx,
    runner: Runner = run_task,
    on_done: Callable[[ExportResult], None] | None = None,
) -> None:
    """导出 Excel of one list with the page's current filter: ask where, then write it off
    the GUI thread with a progress dialog and 取消."""
    target = pick_save(parent, f"{SHEET_TITLES[name]}.xlsx")
    if not target:
        return
    title = _("Export to Excel")

    def work(progress: Any) -> ExportResult:
        return exports.export(
            actor,
            name,
            Path(target),
            filter=filter,
            wording=chinese(),
            report=lambda done: progress.report(done, 0, _("{n} rows written", n=done)),
            check=progress.check,
        )

    def failed(error: BaseException) -> None:
        if isinstance(error, DomainError):
            show_error(parent, title, error)
        else:
            raise error

    runner(
        parent,
        work,
        title=title,
        on_done=on_done or (lambda _result: None),
        on_failed=failed,
        cancellable=True,
    )


class ExchangePage(QWidget):
    """The page of imports, exports and merging (数据导入导出)."""

    def __init__(
        self,
        exchange: Exchange,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
        pick_save: PickSave = pick_save_xlsx,
        runner: Runner = run_task,
    ):
        super().__init__(parent)
        self.setObjectName("exchangePage")
        self._exchange, self._actor, self._hub = exchange, actor, hub
        self._pick_save, self._run = pick_save, runner
        self._dialogs = DialogHost()
        title = QLabel(_("Excel in and out"))
        title.setObjectName("pageTitle")
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        self.buttons: dict[str, QPushButton] = {}
        if actor.can(Permission.IMPORT_REGISTERS):
            layout.addWidget(self._imports_box())
        exports = exchange.exports.lists(actor)
        if exports:
            layout.addWidget(self._exports_box(exports))
        if actor.can(Permission.MERGE_RESIDENTS):
            layout.addWidget(self._merge_box())
        layout.addWidget(self.status)
        layout.addStretch(1)

    def _button(
        self, key: str, text: str, action: Callable[[], object], *, primary: bool = False
    ) -> QPushButton:
        button = QPushButton(text)
        if primary:
            button.setObjectName("primary")
        button.clicked.connect(lambda _checked=False: action())
        self.buttons[key] = button
        return button

    def _imports_box(self) -> QGroupBox:
        box = QGroupBox(_("Import"))
        grid = QGridLayout(box)
        kinds = [(Kind.RESIDENTS, _("Import residents…"), _("Residents template…"))]
        if self._actor.can(Permission.MANAGE_LOVE_BANK):
            kinds.append((Kind.VOLUNTEERS, _("Import volunteers…"), _("Volunteers template…")))
        for row, (kind, text, template) in enumerate(kinds):
            grid.addWidget(
                self._button(f"import_{kind.value}", text, partial(self.open_wizard, kind), primary=True),
                row,
                0,
            )
            grid.addWidget(
                self._button(f"template_{kind.value}", template, partial(self.download_template, kind)),
                row,
                1,
            )
        hint = QLabel(
            _(
                "Registers in Excel or CSV. Every row is checked like the forms check it; "
                "with any error nothing "
                "is imported unless you choose to import only the valid rows."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        grid.addWidget(hint, len(kinds), 0, 1, 3)
        grid.setColumnStretch(2, 1)
        return box

    def _exports_box(self, lists: list[ListName]) -> QGroupBox:
        box = QGroupBox(_("Export to Excel"))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        for name in lists:
            row.addWidget(
                self._button(
                    f"export_{name.value}", desktop_text(LIST_LABELS[name]), partial(self.export, name)
                )
            )
        row.addStretch(1)
        layout.addLayout(row)
        hint = QLabel(
            _("The whole list. To export the rows a list shows, use 导出 Excel on that list's page.")
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        return box

    def _merge_box(self) -> QGroupBox:
        box = QGroupBox(_("Duplicate residents"))
        row = QHBoxLayout(box)
        row.addWidget(self._button("merge", _("Merge duplicate residents…"), self.open_merge))
        row.addStretch(1)
        return box

    # --- actions ---------------------------------------------------------------------
    def open_wizard(self, kind: Kind) -> ImportWizard:
        wizard = ImportWizard(
            self._exchange.imports, self._actor, kind, self, hub=self._hub, pick_save=self._pick_save
        )
        self._dialogs.open(wizard)
        return wizard

    def open_merge(self) -> MergeDialog:
        dialog = MergeDialog(self._exchange.merges, self._actor, self, hub=self._hub)
        self._dialogs.open(dialog)
        return dialog

    def download_template(self, kind: Kind) -> None:
        suggested = "志愿者导入模板.xlsx" if kind == Kind.VOLUNTEERS else "居民导入模板.xlsx"
        target = self._pick_save(self, suggested)
        if not target:
            return
        try:
            path = self._exchange.imports.write_template(self._actor, kind, Path(target))
        except DomainError as exc:
            show_error(self, _("Download template"), exc)
            return
        self.status.setText(_("The template was saved as {path}.", path=str(path)))

    def export(self, name: ListName) -> None:
        def done(result: ExportResult) -> None:
            masked = _(" ID numbers and phones are masked.") if result.masked else ""
            self.status.setText(
                _("{n} rows exported to {path}.", n=result.rows, path=str(result.path)) + masked
            )

        export_list(
            self,
            self._exchange.exports,
            self._actor,
            name,
            pick_save=self._pick_save,
            runner=self._run,
            on_done=done,
        )
