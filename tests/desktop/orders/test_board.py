"""Reading: the board (stages with counts, overdue, filters in SQL, windows), one order's
files, providers' performance and the choice of one, the monthly purchase statement."""

from __future__ import annotations

import datetime as dt

import pytest

from db.orders import OrderFilter
from desktop.common.errors import PermissionDenied
from desktop.orders.service import FundForm, OrderForm
from desktop.orders.states import BOARD_STAGES, Stage
from desktop.orders.vocabulary import AttachmentKind
from tests.desktop.orders.support import YUAN, World


@pytest.fixture
def board_world(world: World) -> World:
    """One order in every stage, and two more for the filters."""
    world.orders.save_fund(
        world.director,
        FundForm(
            name="2026年党组织服务群众专项经费", year=2026, kind="party_service", total=1_000_000 * YUAN
        ),
        world.funds["党建"],
    )
    world.stages = {stage: world.walk(stage) for stage in Stage}  # type: ignore[attr-defined]
    return world


def test_every_stage_with_its_count(board_world: World):
    w = board_world
    board = w.orders.board(w.desk)
    assert [c.stage for c in board.stages] == list(BOARD_STAGES)
    assert all(c.count == 1 for c in board.stages)
    assert (board.total, board.overdue) == (len(Stage), 0)
    assert w.orders.count(w.desk) == len(Stage)
    with pytest.raises(PermissionDenied):
        w.orders.board(_no_view())


def _no_view():
    from desktop.common.permissions import Actor, Role

    class Nobody(Actor):
        def can(self, permission):  # every role may view orders; someone who may not
            return False

    return Nobody(None, "nobody", "", Role.FRONT_DESK)


def test_overdue_and_the_counts_under_a_filter(board_world: World):
    w = board_world
    w.clock.advance(days=40)  # past the accept-by, the 公示 and the delivery deadline
    board = w.orders.board(w.desk)
    late = {c.stage for c in board.stages if c.overdue}
    assert late == {Stage.PUBLICITY, Stage.TO_ACCEPT, Stage.IN_PROGRESS}
    assert board.overdue == 3
    rows = w.orders.rows(w.desk, OrderFilter(overdue=True), 0, 10)
    assert {r.stage for r in rows} == late and all(r.overdue for r in rows)
    # The stage filter narrows the rows but the board still counts every column.
    f = OrderFilter(stage=Stage.IN_PROGRESS)
    assert w.orders.count(w.desk, f) == 1
    assert w.orders.board(w.desk, f).total == len(Stage)


def test_filters(board_world: World):
    w, o = board_world, board_world.orders
    other = o.place(w.desk, OrderForm(resident_id=w.residents[1], item_id=w.items["心理疏导"]))
    o.take_in(w.desk, other)
    o.draft(w.desk, other, w.draft_form(fund="创投", budget=1_000 * YUAN))

    def ids(**kw) -> set[int]:
        f = OrderFilter(**kw)
        found = {r.id for r in o.rows(w.desk, f, 0, 100)}
        assert o.count(w.desk, f) == len(found)
        return found

    stages = w.stages  # type: ignore[attr-defined]
    assert ids(stage=Stage.TO_PAY) == {stages[Stage.TO_PAY]}
    assert ids(stage="open") == {
        i
        for s, i in stages.items()
        if s not in (Stage.SETTLED, Stage.REJECTED, Stage.TERMINATED, Stage.CANCELLED)
    } | {other}
    assert ids(category="心理疏导") == {other}
    assert ids(item_id=w.items["心理疏导"]) == {other}
    assert ids(fund_id=w.funds["创投"]) == {other}
    assert len(ids(fund_id=w.funds["党建"])) == 11  # every order that was drafted
    assert ids(resident_id=w.residents[1]) == {other}
    assert ids(provider_id=w.providers["社工"]) == {
        stages[s]
        for s in (
            Stage.IN_PROGRESS,
            Stage.TO_RATE,
            Stage.TO_CHECK,
            Stage.TO_PAY,
            Stage.SETTLED,
            Stage.TERMINATED,
        )
    }
    assert ids(date_from=dt.date(2026, 12, 8)) == set()
    assert len(ids(date_from=dt.date(2026, 12, 7), date_to=dt.date(2026, 12, 7))) == len(Stage) + 1
    assert ids(number="DD202612-00001") == {stages[Stage.PENDING_REVIEW]}
    assert len(ids(number="dd202612")) == len(Stage) + 1
    assert ids(grid_id=1) == set()
    o.dispatch(w.desk, stages[Stage.TO_DISPATCH], [w.providers["公司"]])
    o.decline(w.desk, stages[Stage.TO_DISPATCH], w.providers["公司"], "人手不足", "刘经理")
    assert ids(attention=True) == {stages[Stage.TO_DISPATCH]}


def test_windows_are_newest_first_and_complete(board_world: World):
    w = board_world
    f = OrderFilter()
    total = w.orders.count(w.desk, f)
    seen = []
    for offset in range(0, total, 4):
        seen += [r.id for r in w.orders.rows(w.desk, f, offset, 4)]
    assert seen == sorted(seen, reverse=True) and len(seen) == total


def test_a_row_of_the_board(board_world: World):
    w = board_world
    row = w.orders.rows(w.desk, OrderFilter(stage=Stage.IN_PROGRESS), 0, 1)[0]
    assert (row.resident_name, row.category, row.title, row.provider) == (
        "张大爷",
        "助老服务",
        "上门理发",
        "幸福社会工作服务中心",
    )
    assert (row.budget, row.contract_amount, row.overdue) == (10_000 * YUAN, 8_000 * YUAN, False)
    assert row.due_at == dt.datetime.combine(row.deadline + dt.timedelta(days=1), dt.time())


def test_performance_of_providers(board_world: World):
    w = board_world
    perf = w.orders.provider_performance(w.desk)
    mine = perf[w.providers["社工"]]
    assert (mine.taken, mine.finished, mine.on_time_rate) == (6, 4, 1.0)
    assert (mine.rated, mine.average_rating) == (3, 3.0)
    assert (mine.checked, mine.completion_rate, mine.settled) == (2, 100.0, 1)
    assert mine.cost_per_person == 8_000 * YUAN // 25
    assert w.providers["公司"] not in perf


def test_choosing_a_provider_for_an_order(board_world: World):
    w = board_world
    o = w.orders
    o.set_discredited(w.director, w.providers["公司"], True, dt.date(2026, 12, 1), "失信")
    choices = o.provider_choices(w.desk, w.stages[Stage.TO_DRAFT])  # type: ignore[attr-defined]
    names = [c.provider.name for c in choices]
    assert names[0] == "幸福社会工作服务中心"  # serves 助老服务, best rated
    by_name = {c.provider.name: c for c in choices}
    assert by_name["幸福社会工作服务中心"].serves_category and by_name["幸福社会工作服务中心"].problem is None
    assert by_name["幸福社会工作服务中心"].performance.taken == 6
    assert by_name["淄博家政服务有限公司"].problem is not None
    assert names[-1] == "淄博家政服务有限公司"
    assert not by_name["和平社区夕阳红文艺队"].provider.has_legal_personality


def test_the_monthly_purchase_statement(board_world: World):
    w, o = board_world, board_world.orders
    stages = w.stages  # type: ignore[attr-defined]
    o.pay(w.director, stages[Stage.IN_PROGRESS], w.payment(w.funds["党建"], "advance", 1_000 * YUAN, "P-1"))
    o.pay(
        w.director,
        stages[Stage.TO_PAY],
        w.payment(
            w.funds["党建"], "final", 7_000 * YUAN, "P-2", deduction=1_000 * YUAN, deduction_reason="少一次"
        ),
    )
    statement = o.purchase_statement(w.desk, 2026, 12)
    assert (statement.total_amount, statement.total_deduction) == (16_000 * YUAN, 1_000 * YUAN)
    assert [(g.fund, g.provider, g.payments, g.amount) for g in statement.groups] == [
        ("2026年党组织服务群众专项经费", "幸福社会工作服务中心", 3, 16_000 * YUAN)
    ]
    assert statement.fund_totals == (("2026年党组织服务群众专项经费", 16_000 * YUAN, 1_000 * YUAN),)
    assert [r.voucher for r in statement.rows] == [f"V-{stages[Stage.SETTLED]}-F", "P-1", "P-2"]
    assert o.purchase_statement(w.desk, 2027, 1).rows == ()
    assert [p.voucher for p in o.payments(w.desk, fund_id=w.funds["党建"])] == [
        r.voucher for r in statement.rows
    ]


def test_files_of_orders_and_providers(world: World, tmp_path):
    o, w = world.orders, world
    order = w.walk(Stage.IN_PROGRESS)
    result = w.report(order)
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8 photo")
    a = o.attach_to_order(w.desk, order, photo, session_id=result.session_id)
    again = o.attach_to_order(w.desk, order, photo, kind="sign_in")
    detail = o.order(w.desk, order)
    assert [(x.id, x.kind, x.filename, x.session_id) for x in detail.attachments] == [
        (a, AttachmentKind.PHOTO, "现场照片.jpg", result.session_id),
        (again, AttachmentKind.SIGN_IN, "现场照片.jpg", None),
    ]
    assert detail.events[-1].note == "现场照片.jpg"
    certificate = tmp_path / "登记证书.pdf"
    certificate.write_bytes(b"%PDF-1.4")
    with pytest.raises(PermissionDenied):
        o.attach_to_provider(w.desk, w.providers["社工"], certificate)
    c = o.attach_to_provider(w.coordinator, w.providers["社工"], certificate)
    assert [(x.id, x.kind) for x in o.provider_attachments(w.desk, w.providers["社工"])] == [
        (c, AttachmentKind.CERTIFICATE)
    ]
    out = tmp_path / "out.jpg"
    o.export_attachment(w.desk, a, out)
    assert out.read_bytes() == photo.read_bytes()
