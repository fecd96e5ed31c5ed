"""The exchange job's dialogs in the states worth looking at, for ``main.py screenshots``.

The import wizard is shown on a small register written here — title rows, a column the
importer does not know, and rows with the usual mistakes — at its mapping step, its
preview, and its error report view; and the merge dialog with a suggested pair opened.
Nothing is imported or merged.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget
from stdnum.cn import ric

from desktop.common.permissions import Actor
from desktop.exchange.fields import Kind
from desktop.opening import Services
from desktop.residents.service import ResidentFilter
from ui.exchange.merge_dialog import MergeDialog
from ui.exchange.wizard import MAPPING, ImportWizard, run_now

DialogFactory = Callable[[QWidget], QDialog]


def _id(birth: str, seq: str) -> str:
    body = "370302" + birth + seq
    return body + ric.calc_check_digit(body + "0")


def _wrong_check(number: str) -> str:
    return number[:-1] + ("1" if number[-1] == "0" else "0")


def sample_register(folder: Path) -> Path:
    """A 居民信息采集表 as a centre keeps it, with a few of the usual mistakes."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "居民信息"
    ws.append(["幸福社区居民信息采集表"])
    ws.merge_cells("A1:H1")
    ws.append(["填表单位：幸福社区居委会", None, None, None, None, "填表日期：2026年11月"])
    ws.append(["序号", "姓名", "性别", "公民身份号码", "联系电话", "现住址", "人员类别", "与户主关系"])
    rows: list[list[object]] = [
        ["刘秀英", "女", _id("19460312", "224"), "13853300101", "幸福小区1号楼1单元101", "独居老人", "户主"],
        [
            "陈建国",
            "男",
            _id("19580807", "131").lower(),
            "138-5330-0102",
            "幸福小区1号楼1单元102",
            "",
            "户主",
        ],
        ["王桂兰", "女", 3.70302195201012e17, "13853300103", "幸福小区2号楼2单元201", "低保户", "配偶"],
        [
            "赵志强",
            "男",
            _wrong_check(_id("19800101", "151")),
            "13853300104",
            "幸福小区2号楼2单元202",
            "",
            "户主",
        ],
        ["孙丽", "女", _id("19800230", "122"), "13853300105", "幸福小区3号楼1单元301", "", "户主"],
        ["刘秀英", "女", _id("19460312", "224"), "13853300101", "幸福小区1号楼1单元101", "", "户主"],
        ["周明", "M", "", "0533-2345678", "幸福小区3号楼1单元302", "残疾人、流动人口", "子"],
    ]
    for number, row in enumerate(rows, start=1):
        ws.append([number, *row])
    path = folder / "幸福社区居民信息采集表.xlsx"
    book.save(path)
    return path


def dialogs(services: Services, actor: Actor) -> dict[str, DialogFactory]:
    """Name → factory of the exchange dialogs, each opened at the state to look at."""
    folder = Path(tempfile.mkdtemp(prefix="exchange-shots-"))
    register = sample_register(folder)

    def wizard(parent: QWidget, step: str) -> QDialog:
        dialog = ImportWizard(services.exchange.imports, actor, Kind.RESIDENTS, parent, runner=run_now)
        dialog.load(register)
        dialog.go_next()  # → the columns
        if step == "mapping":
            return dialog
        assert dialog.stack.currentIndex() == MAPPING
        dialog.go_next()  # → the preview
        if step == "preview":
            return dialog
        dialog.go_next()  # 导入 with errors: nothing imported, the error report view
        return dialog

    def merge(parent: QWidget) -> QDialog:
        dialog = MergeDialog(services.exchange.merges, actor, parent)
        if dialog.suggestions:
            dialog.table.selectRow(0)
        else:  # a register without duplicates: two records side by side all the same
            first, second = services.residents.page(actor, ResidentFilter(), 0, 2)
            dialog.compare(first.id, second.id)
        return dialog

    return {
        "exchange_import_mapping": lambda parent: wizard(parent, "mapping"),
        "exchange_import_preview": lambda parent: wizard(parent, "preview"),
        "exchange_import_errors": lambda parent: wizard(parent, "errors"),
        "exchange_merge": merge,
    }
