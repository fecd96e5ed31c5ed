"""操作日志 in plain Chinese: every action, object and field named, people by name,
filters by user, date, action and object, new entries without a click."""

from __future__ import annotations

import ast
import datetime as dt
import re
from dataclasses import fields
from pathlib import Path

import pytest
from PySide6.QtCore import QDate

from desktop.admin.audit_log import AuditFilter
from desktop.love_bank.rules import PointRules
from desktop.residents.service import ResidentFilter, ResidentForm
from ui.admin.audit_labels import action_labels, describer, entity_label, field_labels, kind_labels
from ui.admin.audit_page import COL_ACTION, COL_AFTER, COL_BEFORE, COL_OBJECT, COL_USER, AuditPage
from ui.widgets.change_hub import ChangeHub
from ui.widgets.i18n import install_translator

DESKTOP = Path(__file__).resolve().parents[3] / "desktop"
CJK = re.compile(r"[\u4e00-\u9fff]")

# What the request and points services record (issue #8: every request action and every
# movement of points writes an audit row).
REQUEST_ACTIONS = {
    "register",
    "assign",
    "accept",
    "return",
    "answer",
    "resolve",
    "follow_up",
    "reopen",
    "remind",
    "supervise",
    "merge",
    "attach",
}
POINTS_ACTIONS = {"approve", "reject", "redeem", "cancel", "handover", "adjust", "reverse", "expire"}
EXPECTED_CHINESE = {
    "register": "登记诉求",
    "assign": "派单",
    "accept": "受理",
    "return": "退回",
    "answer": "答复",
    "resolve": "办结",
    "follow_up": "回访",
    "reopen": "重办",
    "remind": "催办",
    "supervise": "督办",
    "merge": "合并",
    "attach": "添加附件",
    "approve": "审核通过",
    "reject": "驳回",
    "redeem": "兑换",
    "cancel": "取消兑换",
    "handover": "核销",
    "adjust": "调整积分",
    "reverse": "冲正",
    "expire": "积分过期",
}


@pytest.fixture
def chinese(qapp):
    install_translator(qapp, "zh_CN")
    yield
    install_translator(qapp, "en")


def _audit_calls() -> tuple[set[str], set[str], set[str]]:
    """The actions, entities and before/after keys the services write (read from the
    source: every ``audit.record(...)`` / ``self._audit(...)`` call, and the dict
    literals of the helpers that build their before/after values)."""
    actions: set[str] = set()
    entities: set[str] = set()
    keys: set[str] = set()

    def strings(node: ast.AST) -> list[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, ast.IfExp):
            return strings(node.body) + strings(node.orelse)
        return []

    def dict_keys(node: ast.AST) -> None:
        for sub in ast.walk(node):
            if isinstance(sub, ast.Dict):
                keys.update(
                    k.value for k in sub.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)
                )

    for path in DESKTOP.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and (
                node.name.endswith("_dict") or "snapshot" in node.name or "audit" in node.name
            ):
                dict_keys(node)
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            owner = (
                func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
            )
            if not ((name == "record" and owner == "audit") or name == "_audit"):
                continue
            positional = node.args[2:4]
            named = {k.arg: k.value for k in node.keywords}
            if len(positional) >= 1:
                actions.update(strings(positional[0]))
            if len(positional) >= 2:
                entities.update(strings(positional[1]))
            if "action" in named:
                actions.update(strings(named["action"]))
            if "entity" in named:
                entities.update(strings(named["entity"]))
            dict_keys(node)
    return actions, entities, keys


def test_every_action_object_and_field_the_services_write_has_a_label():
    from desktop.love_bank.ledger import KINDS
    from desktop.orders.states import Action as OrderAction

    actions, entities, keys = _audit_calls()
    assert {"create", "update", "reveal", "login"} <= actions  # the scan finds the calls
    assert actions - set(action_labels()) == set()
    # Written with a computed action: a points movement by its ledger kind, an order step.
    computed = set(KINDS) | {a.value for a in OrderAction}
    assert (REQUEST_ACTIONS | POINTS_ACTIONS | computed) - set(action_labels()) == set()
    for entity in entities | {"request", "service_record", "redemption", "points"}:
        assert entity_label(entity) != entity, entity
    keys |= {f.name for f in fields(PointRules)}
    assert keys - set(field_labels()) == set()


def test_the_labels_are_chinese(chinese):
    for label in [*action_labels().values(), *kind_labels().values(), *field_labels().values()]:
        assert CJK.search(label), label
    labels = action_labels()
    for action, chinese_label in EXPECTED_CHINESE.items():
        assert labels[action] == chinese_label
    say = describer()
    assert say("activity_id", "敬老活动") == "活动：敬老活动"
    assert say("archived", True) == "归档：是"
    assert say("role", "front_desk") == "角色：前台接待"


def make_page(qtbot, services, actor, hub=None) -> AuditPage:
    page = AuditPage(services.audit, actor, hub=hub)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    return page


def cell(page: AuditPage, row: int, column: int) -> str:
    return page.model.index(row, column).data()


def test_a_change_reads_in_chinese_with_names_and_only_what_changed(qtbot, services, admin, chinese):
    resident = services.residents.page(admin, ResidentFilter(), 0, 1)[0]
    d = services.residents.get(admin, resident.id)
    form = ResidentForm(
        name=d.name,
        gender=d.gender,
        birth_date=d.birth_date,
        id_number=None,
        phone="13912340000",
        address=d.address,
        grid_id=d.grid_id,
        tag_ids=tuple(d.tag_ids),
        notes=d.notes,
    )
    services.residents.save(admin, form, resident.id)
    page = make_page(qtbot, services, admin)

    assert cell(page, 0, COL_USER) == "王建国"  # not "admin"
    assert cell(page, 0, COL_ACTION) == "修改"
    assert cell(page, 0, COL_OBJECT) == f"居民 {d.name}"
    assert cell(page, 0, COL_BEFORE) == f"电话：{d.phone_masked}"
    assert cell(page, 0, COL_AFTER) == "电话：139****0000"  # the name did not change: not listed
    # the demo data's own entry (visits of the past month are dated before it)
    rows = range(page.model.rowCount() - 1, -1, -1)
    demo = next(r for r in rows if cell(page, r, COL_ACTION) == "演示数据")
    assert "诉求：1500" in cell(page, demo, COL_AFTER)
    assert "requests" not in cell(page, demo, COL_AFTER)


def test_no_english_key_and_no_raw_id_on_the_page(qtbot, services, admin, coordinator, chinese):
    volunteer = services.love_bank.volunteers(coordinator, limit=1)[0]
    services.love_bank.record_service(coordinator, volunteer.id, dt.date.today(), 90)
    services.centre.rename(admin, "审计测试中心")
    page = make_page(qtbot, services, admin)
    texts = [cell(page, r, c) for r in range(page.model.rowCount()) for c in range(6)]
    joined = "\n".join(texts)
    for english in ("service_record", "activity_id", "None", "requests：", "centre_name", "xietiao"):
        assert english not in joined
    row = next(r for r in range(page.model.rowCount()) if cell(page, r, COL_OBJECT).startswith("服务时长"))
    assert cell(page, row, COL_OBJECT) == f"服务时长 {volunteer.name}"
    assert cell(page, row, COL_USER) == coordinator.full_name == "张志强"
    assert cell(page, 0, COL_OBJECT) == "设置 中心名称"


def test_filters_by_user_dates_action_and_object(qtbot, services, admin, front_desk):
    resident = services.residents.page(admin, ResidentFilter(), 0, 1)[0]
    services.residents.reveal(front_desk, resident.id)
    page = make_page(qtbot, services, admin)
    everything = page.model.rowCount()

    page.user_combo.setCurrentIndex(page.user_combo.findData(front_desk.user_id))
    assert page.model.rowCount() == services.audit.count(admin, AuditFilter(user_id=front_desk.user_id))
    assert {page.model.row_at(r).username for r in range(page.model.rowCount())} == {"qiantai"}

    page.action_combo.setCurrentIndex(page.action_combo.findData("reveal"))
    assert page.model.rowCount() == 1
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("user"))
    assert page.model.rowCount() == 0
    assert page.empty_label.text() == "No entry matches these filters."

    page.clear_filters()
    assert page.model.rowCount() == everything
    tomorrow = QDate.currentDate().addDays(1)
    page.since_edit.setDate(tomorrow)
    assert page.model.rowCount() == 0
    page.since_edit.setDate(QDate.currentDate())
    page.until_edit.setDate(QDate.currentDate())
    assert page.model.rowCount() == services.audit.count(
        admin, AuditFilter(since=dt.date.today(), until=dt.date.today())
    )
    page.set_filter(kind="resident")
    assert page.model.rowCount() == 1  # the reveal (the demo's residents were not audited)


def test_a_new_entry_appears_without_a_click(qtbot, services, admin):
    hub = ChangeHub()
    hub.attach(services.db.changes)
    page = make_page(qtbot, services, admin, hub)
    before = page.model.rowCount()
    page.select_row(1)
    selected = page.selected_row().id
    services.centre.rename(admin, "新名称")
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1)
    assert page.model.row_at(0).entity == "setting"
    assert page.selected_row().id == selected  # the selection stayed on its entry
    hub.detach_all()
