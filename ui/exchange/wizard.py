"""导入居民 / 导入志愿者: the import wizard.

Pick a file (and the sheet, when there are several) → check the column mapping → the
preview with 新增 / 更新 / 错误 → import, with a progress bar and 取消 → the result, or the
error report view with 保存错误报告 when rows were refused. Reading, checking and importing
run off the GUI thread (:func:`ui.widgets.background.run_task`); cancelling the import
rolls it back whole. The preview is checked again when the register changes meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.common.changes import Topic
from desktop.common.errors import DomainError
from desktop.common.permissions import Actor, Permission
from desktop.exchange.fields import Kind
from desktop.exchange.importing import ImportFile, ImportPlan, ImportResult, ImportService
from ui.exchange.steps import ErrorReportView, MappingStep, PreviewStep
from ui.exchange.wording import chinese
from ui.widgets.background import Cancelled, run_task
from ui.widgets.change_hub import ChangeHub, watch
from ui.widgets.i18n import Translator
from ui.widgets.messages import show_error

_ = Translator("exchange")

FILE, MAPPING, PREVIEW, RESULT = range(4)

PickOpen = Callable[[QWidget], str | None]
PickSave = Callable[[QWidget, str], str | None]
Runner = Callable[..., Any]
"""``run_task``'s signature: the wizard's long work goes through it (tests run it at once)."""


def pick_register(parent: QWidget) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent, _("Choose a register file"), "", _("Excel or CSV (*.xlsx *.xlsm *.xls *.csv)")
    )
    return path or None


def pick_save_xlsx(parent: QWidget, suggested: str) -> str | None:
    path, _filter = QFileDialog.getSaveFileName(parent, _("Save as"), suggested, _("Excel workbook (*.xlsx)"))
    return path or None


class _NowProgress:
    def report(self, done: int, total: int, text: str = "") -> None:
        pass

    def check(self) -> None:
        pass


def run_now(
    parent: QWidget,
    work: Callable[[Any], Any],
    *,
    title: str,
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None] | None = None,
    **_options: Any,
) -> None:
    """A runner that does the work at once on this thread (tests, screenshots)."""
    try:
        result = work(_NowProgress())
    except DomainError as exc:
        if on_failed is not None:
            on_failed(exc)
        else:
            show_error(parent, title, exc)
        return
    on_done(result)


class ImportWizard(QDialog):
    """The wizard for one kind of import (residents or volunteers)."""

    def __init__(
        self,
        imports: ImportService,
        actor: Actor,
        kind: Kind,
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
        pick_file: PickOpen = pick_register,
        pick_save: PickSave = pick_save_xlsx,
        runner: Runner = run_task,
    ):
        super().__init__(parent)
        self.setObjectName("importWizard")
        self._imports, self._actor, self.kind = imports, actor, kind
        self._pick_file, self._pick_save, self._run = pick_file, pick_save, runner
        self.source: ImportFile | None = None
        self.plan: ImportPlan | None = None
        self.imported: ImportResult | None = None
        self._busy = False
        self.setWindowTitle(_("Import volunteers") if kind == Kind.VOLUNTEERS else _("Import residents"))
        self.resize(1100, 640)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._file_step())
        self.mapping = MappingStep()
        self.stack.addWidget(self.mapping)
        self.preview = PreviewStep(reveal=actor.can(Permission.REVEAL_SENSITIVE))
        self.preview.sig_update_existing.connect(lambda _on: self.check_rows())
        self.preview.sig_save_report.connect(self.save_report)
        self.stack.addWidget(self.preview)
        self.report_view = ErrorReportView()
        self.report_view.sig_save.connect(self.save_report)
        self.stack.addWidget(self.report_view)

        self.step_title = QLabel()
        self.step_title.setObjectName("pageTitle")
        self.back = QPushButton(_("Back"))
        self.back.clicked.connect(self.go_back)
        self.next = QPushButton(_("Next"))
        self.next.setObjectName("primary")
        self.next.setDefault(True)
        self.next.clicked.connect(self.go_next)
        self.close_button = QPushButton(_("Close"))
        self.close_button.clicked.connect(self.reject)
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for b in (self.back, self.next, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step_title)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        watch(hub, self, (Topic.RESIDENTS, Topic.VOLUNTEERS), self._register_changed)
        self._show(FILE)

    # --- step 1: the file --------------------------------------------------------------
    def _file_step(self) -> QWidget:
        page = QWidget()
        self.choose = QPushButton(_("Choose file…"))
        self.choose.clicked.connect(self.choose_file)
        self.file_label = QLabel(_("No file chosen."))
        self.file_label.setWordWrap(True)
        self.sheet = QComboBox()
        self.sheet.setMinimumWidth(240)
        self.sheet.currentIndexChanged.connect(lambda _i: self._refresh_buttons())
        template = QPushButton(_("Download template…"))
        template.clicked.connect(self.download_template)
        hint = QLabel(
            _(
                "An Excel (.xlsx, .xls) or CSV file. Title rows above the header are skipped and common "
                "Chinese headers (姓名, 身份证号, 联系电话 …) are recognised. "
                "Fill the template to be sure the "
                "ID numbers and phones keep all their digits."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.choose)
        row.addWidget(self.file_label, 1)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(QLabel(_("Sheet")))
        sheet_row.addWidget(self.sheet)
        sheet_row.addStretch(1)
        sheet_row.addWidget(template)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addLayout(sheet_row)
        layout.addWidget(hint)
        layout.addStretch(1)
        self._path: Path | None = None
        return page

    def choose_file(self) -> None:
        chosen = self._pick_file(self)
        if chosen:
            self.load(Path(chosen))

    def load(self, path: Path) -> None:
        """Take this file: list its sheets."""
        try:
            sheets = self._imports.sheets(path)
        except DomainError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        self._path = path
        self.file_label.setText(str(path))
        self.sheet.clear()
        self.sheet.addItems(sheets)
        self.sheet.setEnabled(len(sheets) > 1)
        self._refresh_buttons()

    def download_template(self) -> None:
        suggested = "志愿者导入模板.xlsx" if self.kind == Kind.VOLUNTEERS else "居民导入模板.xlsx"
        target = self._pick_save(self, suggested)
        if not target:
            return
        try:
            path = self._imports.write_template(self._actor, self.kind, Path(target))
        except DomainError as exc:
            show_error(self, _("Download template"), exc)
            return
        self.status.setText(_("The template was saved as {path}.", path=str(path)))

    # --- moving between steps ---------------------------------------------------------
    def _show(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        titles = {
            FILE: _("1. Choose the file"),
            MAPPING: _("2. Check the columns"),
            PREVIEW: _("3. Preview"),
            RESULT: _("4. Result"),
        }
        self.step_title.setText(titles[step])
        self._refresh_buttons()

    def _refresh_buttons(self) -> None:
        step = self.stack.currentIndex()
        refused = step == RESULT and self.imported is None
        self.back.setEnabled((step in (MAPPING, PREVIEW) or refused) and not self._busy)
        self.next.setVisible(step != RESULT)
        self.next.setText(_("Import") if step == PREVIEW else _("Next"))
        ready = {
            FILE: self._path is not None,
            MAPPING: self.source is not None,
            PREVIEW: self.plan is not None,
        }
        self.next.setEnabled(ready.get(step, False) and not self._busy)
        self.close_button.setText(_("Done") if step == RESULT and self.imported is not None else _("Close"))

    def go_back(self) -> None:
        step = self.stack.currentIndex()
        if step in (MAPPING, PREVIEW) or (step == RESULT and self.imported is None):
            self._show(step - 1)

    def go_next(self) -> None:
        step = self.stack.currentIndex()
        if step == FILE:
            self.read_file()
        elif step == MAPPING:
            self.check_rows()
        elif step == PREVIEW:
            self.start_import()

    def _work(
        self, work: Callable[[Any], Any], title: str, on_done: Callable[[Any], None], **options: Any
    ) -> None:
        self._busy = True
        self._refresh_buttons()

        def done(result: Any) -> None:
            self._busy = False
            on_done(result)
            self._refresh_buttons()

        def failed(error: BaseException) -> None:
            self._busy = False
            self._refresh_buttons()
            if isinstance(error, DomainError):
                show_error(self, title, error)
            elif not isinstance(error, Cancelled):
                raise error

        task = self._run(self, work, title=title, on_done=done, on_failed=failed, **options)
        finished = getattr(task, "sig_finished", None)
        if finished is not None:  # a cancelled task calls neither callback
            finished.connect(lambda: self._task_ended(task, title))

    def _task_ended(self, task: Any, title: str) -> None:
        if isinstance(getattr(task, "error", None), Cancelled):
            self._busy = False
            self._refresh_buttons()
            self.status.setText(_("The import was cancelled; nothing was imported."))

    # --- step 2: the columns ----------------------------------------------------------
    def read_file(self) -> None:
        path, sheet = self._path, self.sheet.currentText() or None
        if path is None:
            return

        def opened(source: ImportFile) -> None:
            self.source = source
            self.mapping.show_file(source)
            self._show(MAPPING)

        self._work(
            lambda _progress: self._imports.open(self._actor, self.kind, path, sheet),
            _("Reading the file"),
            opened,
        )

    # --- step 3: the preview ----------------------------------------------------------
    def check_rows(self) -> None:
        source = self.source
        if source is None:
            return
        mapping = self.mapping.mapping()
        update = self.preview.update_existing.isChecked()

        def work(progress: Any) -> ImportPlan:
            self._imports.remember(self._actor, source, mapping)
            return self._imports.plan(
                self._actor,
                source,
                mapping,
                update_existing=update,
                report=lambda d, t: progress.report(d, t),
            )

        def checked(plan: ImportPlan) -> None:
            self.plan = plan
            self.preview.show_plan(plan)
            self._show(PREVIEW)

        self._work(work, _("Checking the rows"), checked)

    def _register_changed(self, _changes: object) -> None:
        if self.stack.currentIndex() == PREVIEW and not self._busy and self.plan is not None:
            self.check_rows()

    def save_report(self) -> None:
        plan = self.plan
        if plan is None or not plan.failed:
            return
        target = self._pick_save(self, f"{Path(plan.source.table.name).stem}-错误报告.xlsx")
        if not target:
            return
        try:
            self._imports.write_error_report(plan, Path(target), chinese())
        except DomainError as exc:
            show_error(self, _("Save error report"), exc)
            return
        self.status.setText(_("The error report was saved as {path}.", path=target))

    # --- step 4: importing and the result -----------------------------------------------
    def start_import(self) -> None:
        plan = self.plan
        if plan is None:
            return
        valid_only = self.preview.valid_only.isChecked()
        counts = plan.counts
        if counts.errors and not valid_only:
            self.show_refused()
            return

        def work(progress: Any) -> ImportResult:
            return self._imports.run(
                self._actor,
                plan,
                valid_only=valid_only,
                report=lambda d, t: progress.report(
                    d, t, _("Imported {done} of {total} rows", done=d, total=t)
                ),
                check=progress.check,
            )

        self._work(work, self.windowTitle(), self.show_result, cancellable=True)

    def show_refused(self) -> None:
        """The error report view: nothing was imported because rows have errors."""
        assert self.plan is not None
        self.report_view.show_report(
            self.plan,
            _(
                "Nothing was imported: {errors} of {total} rows have errors. Correct them in the file "
                "(the error report lists each one) or go back and import only the valid rows.",
                errors=self.plan.counts.errors,
                total=len(self.plan.rows),
            ),
        )
        self._show(RESULT)

    def show_result(self, result: ImportResult) -> None:
        assert self.plan is not None
        self.imported = result
        c = result.counts
        text = _("Imported: {added} new, {updated} updated.", added=c.added, updated=c.updated)
        if self.kind == Kind.VOLUNTEERS:
            text += " " + _("{n} volunteers registered.", n=len(result.volunteer_ids))
        if c.errors:
            text += " " + _("{errors} rows with errors were not imported.", errors=c.errors)
        self.report_view.show_report(self.plan, text)
        self.report_view.save.setEnabled(c.errors > 0)
        self._show(RESULT)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self._busy:
            return  # the progress dialog's 取消 stops an import; Esc does not close over it
        super().keyPressEvent(event)
