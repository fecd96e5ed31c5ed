"""An order's page and the dialogs of its steps: one order walked through the whole flow
by the right roles, steps a role may not take never offered, bad input refused with the
core's message under its field and nothing written, the keyboard, and the printouts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from desktop.common.errors import DomainError
from desktop.orders.money import parse_yuan
from desktop.orders.states import Action, Stage
from desktop.orders.vocabulary import Rating
from desktop.residents.service import ResidentFilter
from tests.ui.orders.support import FakePreview, order_in, pick, show
from ui.orders.detail import OrderDetailDialog
from ui.orders.draft_dialog import C_TICK
from ui.orders.place_dialog import PlaceOrderDialog
from ui.orders.printing import Document
from ui.widgets.i18n import desktop_text, error_text


def page(qtbot, services, actor, order_id) -> OrderDetailDialog:
    return show(qtbot, OrderDetailDialog(services, actor, order_id, preview_factory=FakePreview), (1200, 700))


def step(page: OrderDetailDialog, action: Action):
    assert action in page.allowed_buttons(), (action, page.allowed_buttons())
    dialog = page.start_action(action)
    assert dialog is not None and dialog.isVisible()
    return dialog


def done(qtbot, dialog) -> None:
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted, (dialog.general_error(), dialog.boxes.keys())


def test_one_order_walks_the_whole_flow_through_the_dialogs(
    qtbot, services, front_desk, coordinator, director, previews
):
    orders = services.orders
    # 居民点单 at the front desk.
    place = show(qtbot, PlaceOrderDialog(services, front_desk), (640, 420))
    resident = services.residents.page(front_desk, ResidentFilter(), 0, 1)[0]
    pick(place.resident_edit, resident.name, lambda r: r.id == resident.id)
    item = next(i for i in orders.menu() if i.name == "上门理发")
    place.choose_item(item.id)
    done(qtbot, place)
    order = place.order_id
    assert orders.order(front_desk, order).stage == Stage.PENDING_REVIEW

    # 受理 by the desk.
    desk = page(qtbot, services, front_desk, order)
    assert Action.DRAFT not in desk.allowed_buttons()
    done(qtbot, step(desk, Action.TAKE_IN))
    assert desk.detail.stage == Stage.TO_DRAFT and desk.stage_label.text()

    # 制单 by the coordinator, above the approval threshold, with a candidate.
    coord = page(qtbot, services, coordinator, order)
    draft = step(coord, Action.DRAFT)
    threshold = orders.order_settings().approval_threshold
    draft.budget.lines[0][1].setText(f"{(threshold + 200_000) / 100:.2f}")
    draft.planned_people.setValue(3)
    draft.planned_sessions.setValue(1)
    choice = next(
        c
        for c in orders.provider_choices(coordinator, order)
        if c.problem is None and c.provider.has_legal_personality and c.serves_category
    )
    row = next(
        r
        for r in range(draft.candidates.rowCount())
        if draft.candidates.item(r, C_TICK).data(Qt.ItemDataRole.UserRole) == choice.provider.id
    )
    draft.candidates.setCurrentCell(row, 1)
    draft.candidates.setFocus()
    QTest.keyClick(draft.candidates, Qt.Key.Key_Space)  # Space ticks the candidate
    assert draft.chosen_candidates() == [choice.provider.id]
    done(qtbot, draft)
    assert coord.detail.stage == Stage.PENDING_APPROVAL
    assert coord.detail.budget == threshold + 200_000
    assert Action.APPROVE not in coord.allowed_buttons()  # the director's

    # 审批 by the director.
    boss = page(qtbot, services, director, order)
    done(qtbot, step(boss, Action.APPROVE))
    assert boss.detail.stage == Stage.TO_DISPATCH

    # 派单 by the coordinator: the draft's candidate is ticked already.
    coord.reload()
    dispatch = step(coord, Action.DISPATCH)
    done(qtbot, dispatch)
    assert coord.detail.stage == Stage.TO_ACCEPT

    # 接单, recorded by the desk for the provider, with a contract below the budget.
    desk.reload()
    accept = step(desk, Action.ACCEPT)
    assert accept.provider.currentData() == choice.provider.id
    accept.amount.setText("9,800.5")
    accept.reporter.setText("王站长（项目主管）")
    done(qtbot, accept)
    assert desk.detail.stage == Stage.IN_PROGRESS
    assert desk.detail.contract_amount == parse_yuan("9800.50")

    # 实施: a session with a volunteer, whose hours go to the love bank.
    session = step(desk, Action.REPORT_SESSION)
    session.people.setValue(3)
    volunteer = next(v for v in services.love_bank.volunteers(front_desk, limit=50) if v.is_active)
    pick(session.finder, volunteer.name, lambda v: v.id == volunteer.id)
    assert volunteer.id in session.volunteers
    session.volunteers[volunteer.id][1].setValue(1.5)
    first_group = next(iter(session.group_spins.values()))
    first_group.setValue(2)
    session.content.setPlainText("上门理发三人")
    session.reporter.setText("王站长")
    done(qtbot, session)
    assert session.result_value is not None and len(session.result_value.service_record_ids) == 1
    assert desk.detail.targets.actual_people == 3 and desk.sessions.rowCount() == 1

    # 服务完成, then 群众评单 at the desk.
    finish = step(desk, Action.FINISH)
    finish.reporter.setText("王站长")
    done(qtbot, finish)
    rate = step(desk, Action.RATE)
    assert rate.rating() == Rating.SATISFIED
    rate.comment.setPlainText("师傅很耐心")
    done(qtbot, rate)
    assert desk.detail.stage == Stage.TO_CHECK

    # 验收 by the director: the completion rate is shown.
    boss.reload()
    check = step(boss, Action.CHECK)
    assert "100%" in check.completion.text()
    done(qtbot, check)
    assert boss.detail.stage == Stage.TO_PAY and boss.detail.completion_percent == 100

    # 政府买单: the final payment of what is left settles the order.
    pay = step(boss, Action.PAY)
    assert pay.tranche.currentData() == "final"
    assert parse_yuan(pay.amount.text()) == boss.detail.payable_left
    pay.voucher.setText("UI-FLOW-0001")
    done(qtbot, pay)
    assert boss.detail.stage == Stage.SETTLED
    assert boss.detail.paid == parse_yuan("9800.50")
    assert boss.allowed_buttons() == []
    assert not boss.no_actions_label.isHidden()
    steps = [e.action for e in boss.detail.events]
    assert steps == [
        Action.PLACE,
        Action.TAKE_IN,
        Action.DRAFT,
        Action.APPROVE,
        Action.DISPATCH,
        Action.ACCEPT,
        Action.REPORT_SESSION,
        Action.FINISH,
        Action.RATE,
        Action.CHECK,
        Action.PAY,
    ]
    assert boss.events.rowCount() == len(steps)

    # Its work order and confirmation print (off the GUI thread, into the preview).
    assert boss.documents() == [Document.WORK_ORDER, Document.CONFIRMATION]
    QTest.keyClick(boss, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # the confirmation
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=20_000)
    boss.print_document(Document.WORK_ORDER)
    qtbot.waitUntil(lambda: len(previews) == 2, timeout=20_000)
    assert all(p.path.exists() and p.path.stat().st_size > 0 for p in previews)
    assert boss.detail.number in previews[0].title and boss.detail.number in previews[1].title


def test_a_step_the_role_may_not_take_is_not_offered(qtbot, services, front_desk, coordinator, director):
    paying = order_in(services, director, Stage.TO_PAY)
    assert Action.PAY in page(qtbot, services, director, paying).allowed_buttons()
    for actor in (front_desk, coordinator):
        shown = page(qtbot, services, actor, paying)
        assert Action.PAY not in shown.allowed_buttons() and Action.SETTLE not in shown.allowed_buttons()
        assert shown.buttons[Action.PAY].isHidden()
    approving = order_in(services, director, Stage.PENDING_APPROVAL)
    assert Action.APPROVE not in page(qtbot, services, front_desk, approving).allowed_buttons()
    assert Action.APPROVE in page(qtbot, services, director, approving).allowed_buttons()
    reviewing = order_in(services, director, Stage.PENDING_REVIEW)
    assert page(qtbot, services, coordinator, reviewing).allowed_buttons() == [Action.TAKE_IN, Action.REJECT]
    settled = page(qtbot, services, coordinator, order_in(services, director, Stage.SETTLED))
    assert settled.allowed_buttons() == []


def test_a_draft_without_a_budget_is_refused_under_its_fields_and_nothing_is_written(
    qtbot, services, coordinator
):
    order = order_in(services, coordinator, Stage.TO_DRAFT)
    shown = page(qtbot, services, coordinator, order)
    before = services.orders.order(coordinator, order)
    draft = step(shown, Action.DRAFT)
    draft.budget.lines[0][1].setText("0")
    draft.planned_people.setValue(0)
    draft.planned_sessions.setValue(0)
    draft.submit()
    assert draft.isVisible()
    assert draft.error_of("budget") == desktop_text("The amount must be more than zero.")
    assert draft.error_of("planned_sessions") == desktop_text(
        "Plan the people to serve or the sessions to hold."
    )
    draft.budget.lines[0][1].setText("12,34.567")
    draft.submit()
    assert "two decimals" in draft.error_of("budget") or "两位小数" in draft.error_of("budget")
    after = services.orders.order(coordinator, order)
    assert after.stage == before.stage == Stage.TO_DRAFT
    assert after.events == before.events and after.fund_lines == ()


def test_a_used_voucher_is_refused_under_the_voucher_and_nothing_is_paid(qtbot, services, director):
    order = order_in(services, director, Stage.TO_PAY)
    used = services.orders.payments(director, limit=1)[0].voucher
    shown = page(qtbot, services, director, order)
    before = services.orders.order(director, order)
    pay = step(shown, Action.PAY)
    pay.voucher.setText(used.lower())  # the same number, typed differently
    pay.submit()
    assert pay.isVisible()
    assert used in pay.error_of("voucher")
    assert services.orders.order(director, order).payments == before.payments
    pay.voucher.setText("")
    pay.amount.setText("abc")
    pay.submit()
    assert pay.error_of("amount") and not pay.error_of("voucher")


def test_a_rejection_needs_its_reason_and_then_prints_its_notice(qtbot, services, front_desk, previews):
    order = order_in(services, front_desk, Stage.PENDING_REVIEW)
    shown = page(qtbot, services, front_desk, order)
    # Alt+R opens 驳回 from the keyboard.
    QTest.keyClick(shown, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: shown.action_dialog is not None)  # a mnemonic clicks after a short animation
    reject = shown.action_dialog
    assert reject.action == Action.REJECT
    qtbot.waitUntil(reject.note.hasFocus)
    QTest.keyClick(reject.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert reject.isVisible() and reject.error_of("note")
    assert shown.detail.stage == Stage.PENDING_REVIEW
    reject.note.insertPlainText("不属于服务清单范围")  # (typed through the input method)
    QTest.keyClick(reject.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not reject.isVisible()
    assert shown.detail.stage == Stage.REJECTED
    assert shown.documents() == [Document.REJECTION]
    assert not shown.print_buttons[Document.REJECTION].isHidden()
    assert shown.print_buttons[Document.WORK_ORDER].isHidden()
    shown.print_default()
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=20_000)
    assert shown.detail.number in previews[0].title


def test_every_step_dialog_is_usable_from_the_keyboard(qtbot, services, coordinator):
    order = order_in(services, coordinator, Stage.TO_DRAFT)
    shown = page(qtbot, services, coordinator, order)
    QTest.keyClick(shown, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # 制单
    qtbot.waitUntil(lambda: shown.action_dialog is not None)
    draft = shown.action_dialog
    qtbot.waitUntil(draft.scope.hasFocus)
    # Tab leaves the scope for the people to serve, then the sessions (no Tab trap).
    QTest.keyClick(draft.scope, Qt.Key.Key_Tab)
    assert draft.planned_people.hasFocus() or draft.planned_people.lineEdit().hasFocus()
    QTest.keyClick(draft.focusWidget(), Qt.Key.Key_Tab)
    assert draft.planned_sessions.hasFocus() or draft.planned_sessions.lineEdit().hasFocus()
    # Alt+F adds a fund line and puts the focus on its fund.
    QTest.keyClick(draft, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(draft.budget.lines) == 2)
    qtbot.waitUntil(draft.budget.lines[1][0].hasFocus)  # the focus follows once the line is laid out
    QTest.keyClick(draft, Qt.Key.Key_Escape)
    assert not draft.isVisible()
    assert services.orders.order(coordinator, order).stage == Stage.TO_DRAFT


def test_the_page_follows_changes_made_elsewhere(qtbot, services, front_desk, hub):
    order = order_in(services, front_desk, Stage.PENDING_REVIEW)
    shown = show(qtbot, OrderDetailDialog(services, front_desk, order, hub=hub), (1200, 700))
    assert Action.TAKE_IN in shown.allowed_buttons()
    services.orders.take_in(front_desk, order, "另一台电脑受理")
    qtbot.waitUntil(lambda: shown.detail.stage == Stage.TO_DRAFT)
    assert Action.DRAFT in shown.allowed_buttons() and Action.TAKE_IN not in shown.allowed_buttons()


def test_a_step_the_core_refuses_shows_its_message_above_the_buttons(qtbot, services, director, monkeypatch):
    order = order_in(services, director, Stage.PUBLICITY)
    shown = page(qtbot, services, director, order)
    close = step(shown, Action.CLOSE_PUBLICITY)
    close.submit()  # the 公示 period has not ended yet
    if close.isVisible():
        assert close.general_error()
        close.reject()  # the user gives up; the next step opens its own dialog
    else:  # the demo's publicity ended already: then it closed
        assert shown.detail.stage == Stage.TO_DISPATCH

    def refuse(*_args, **_kwargs):
        raise DomainError("This service order no longer exists.")

    shown.reload()
    monkeypatch.setattr(services.orders, "record_objection", refuse)
    if Action.OBJECT in shown.allowed_buttons():
        objection = step(shown, Action.OBJECT)
        objection.note.setPlainText("有居民提出异议")
        objection.submit()
        assert objection.general_error() == error_text(DomainError("This service order no longer exists."))
