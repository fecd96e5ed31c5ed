"""Printing for the love bank: the 爱心超市 receipt (小票) and the 积分明细 statement.

Checked like the 回执 slip, with poppler-utils: every font embedded, the exact texts
(also rare characters printed with a fallback font), the page count and "第 X 页 / 共 Y
页" on every page of a long statement.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.common.errors import DomainError
from desktop.common.permissions import Role
from desktop.love_bank import service as love_bank
from desktop.love_bank.ledger import KINDS
from desktop.love_bank.receipt import (
    PAGE_WIDTH,
    STATUS_LABELS,
    ReceiptData,
    ReceiptLine,
    build_receipt,
    receipt_data,
    redemption_number,
)
from desktop.love_bank.service import (
    Basket,
    LoveBankService,
    RedeemedItem,
    RedemptionRow,
    StatementLine,
    VolunteerRow,
)
from desktop.love_bank.statement import (
    KIND_LABELS_ZH,
    StatementData,
    build_statement,
    period_text,
    stars_text,
    statement_for,
)
from desktop.printing.fonts import FontChain, load_font
from desktop.residents.service import ResidentForm
from tests.pdf_support import (
    NOWHERE,
    RARE,
    assert_fonts_embedded,
    make_ttf,
    needs_poppler,
    needs_wqy,
    page_lines,
    page_size,
    page_texts,
    pages,
    pdf_text,
    wqy_font,
)

pytestmark = needs_wqy

CENTRE = "张店区和平街道幸福社区党群服务中心"


@pytest.fixture(scope="module")
def chain(tmp_path_factory) -> FontChain:
    folder = tmp_path_factory.mktemp("fonts")
    (folder / "rare.ttf").write_bytes(make_ttf(RARE, "ShequTestRare"))
    wqy, rare = wqy_font(), load_font(folder / "rare.ttf")
    assert rare is not None
    return FontChain([wqy, rare])


# --- the receipt -----------------------------------------------------------------------
def receipt(**changes) -> ReceiptData:
    values = dict(
        centre_name=CENTRE,
        redemption_number="DH000123",
        redeemed_at=dt.datetime(2026, 11, 20, 10, 5),
        volunteer_name="王堃喆",
        team="夕阳红志愿服务队",
        lines=[ReceiptLine("大米5kg", 1, 30), ReceiptLine("食用油", 2, 25), ReceiptLine("理发服务", 1, 20)],
        status="frozen",
        available_after=125,
        frozen_after=100,
        coordinator="张志强",
        centre_phone="0533-2345678",
    )
    values.update(changes)
    return ReceiptData(**values)


def receipt_text(status: str = "状态待核销积分已冻结：物品或服务交付（核销）时扣除，取消兑换则退回。") -> str:
    """Everything the receipt of receipt() prints, in reading order, without white space;
    ``status`` is what stands between the total and the balances."""
    return (
        CENTRE + "爱心超市兑换小票"
        "兑换单号DH000123"
        "兑换时间2026-11-2010:05"
        "志愿者王堃喆（夕阳红志愿服务队）"
        "品名单价数量积分"
        "大米5kg30×130"
        "食用油25×250"
        "理发服务20×120"
        "共4件合计100分" + status + "可用积分125分"
        "冻结积分100分"
        "经办人张志强"
        "领取人签字："
        "请当面核对物品，妥善保管本小票"
        "咨询电话：0533-2345678"
    )


def test_status_names_are_those_of_the_love_bank():
    assert set(STATUS_LABELS) == {love_bank.COMPLETED, love_bank.FROZEN, love_bank.CANCELLED}
    assert STATUS_LABELS[love_bank.FROZEN] == "待核销"
    assert STATUS_LABELS[love_bank.COMPLETED] == "已兑换"
    assert redemption_number(123) == "DH000123"


@needs_poppler
def test_receipt_has_everything_on_one_80mm_page_with_fonts_embedded(tmp_path, chain):
    path = tmp_path / "receipt.pdf"
    build_receipt(receipt(), path, chain)
    assert assert_fonts_embedded(path) == ["AAAAAA+WenQuanYiMicroHei-0"]
    assert pages(path) == 1
    width, height = page_size(path)
    assert width == pytest.approx(PAGE_WIDTH, abs=0.01)  # 80 mm
    assert 100 * 72 / 25.4 < height < 200 * 72 / 25.4  # as tall as the content
    assert page_texts(path) == [receipt_text()]


@needs_poppler
def test_completed_receipt_shows_no_frozen_points(tmp_path, chain):
    path = tmp_path / "receipt.pdf"
    build_receipt(receipt(status="completed", frozen_after=0, centre_phone=None), path, chain)
    expected = receipt_text("状态已兑换").replace("冻结积分100分", "").replace("咨询电话：0533-2345678", "")
    assert page_texts(path) == [expected]


@needs_poppler
def test_cancelled_receipt_says_the_points_went_back(tmp_path, chain):
    path = tmp_path / "receipt.pdf"
    build_receipt(receipt(status="cancelled"), path, chain)
    assert page_texts(path) == [receipt_text("状态已取消本次兑换已取消，积分与库存已退回。")]


@needs_poppler
def test_a_long_basket_makes_a_longer_receipt_not_a_second_page(tmp_path, chain):
    short, long = tmp_path / "short.pdf", tmp_path / "long.pdf"
    build_receipt(receipt(), short, chain)
    many = [ReceiptLine(f"爱心物品第{n}号（家庭装，含赠品）", 1, n) for n in range(1, 41)]
    build_receipt(receipt(lines=many, reprint=True, printed_at=dt.datetime(2026, 11, 21, 9, 0)), long, chain)
    assert pages(long) == 1
    assert page_size(long)[1] > 3 * page_size(short)[1]
    (text,) = page_texts(long)
    assert text.startswith(f"{CENTRE}爱心超市兑换小票（补打）兑换单号DH000123")
    assert text.endswith("请当面核对物品，妥善保管本小票咨询电话：0533-2345678打印时间：2026-11-2109:00")
    assert f"共40件合计{sum(range(1, 41))}分状态待核销" in text
    # Every item, each name whole (the plain text keeps a wrapped cell together).
    items = "".join(f"爱心物品第{n}号（家庭装，含赠品）{n}×1{n}" for n in range(1, 41))
    assert f"品名单价数量积分{items}合计820分" in pdf_text(long)


@needs_poppler
def test_receipt_prints_a_rare_name_with_the_fallback_font(tmp_path, chain):
    path = tmp_path / "receipt.pdf"
    build_receipt(receipt(volunteer_name="王𠀀䶮"), path, chain)
    assert page_texts(path) == [receipt_text().replace("王堃喆", "王𠀀䶮")]
    assert sorted(assert_fonts_embedded(path)) == ["AAAAAA+ShequTestRare", "AAAAAA+WenQuanYiMicroHei-0"]


def test_receipt_refuses_a_character_no_font_has(tmp_path, chain):
    path = tmp_path / "receipt.pdf"
    with pytest.raises(DomainError) as caught:
        build_receipt(receipt(volunteer_name=f"李{NOWHERE}"), path, chain)
    assert caught.value.params["char"] == NOWHERE
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file left either


def test_receipt_refuses_an_unknown_status(chain):
    with pytest.raises(ValueError, match="unknown redemption status 'lost'"):
        build_receipt(receipt(status="lost"), io.BytesIO(), chain)


def test_receipt_writes_to_a_buffer(chain):
    buffer = io.BytesIO()
    build_receipt(receipt(), buffer, chain)
    assert buffer.getvalue().startswith(b"%PDF")


def test_receipt_data_from_the_service_rows():
    row = RedemptionRow(
        id=7,
        volunteer_id=3,
        volunteer="张三",
        status="completed",
        points=55,
        created_at=dt.datetime(2026, 11, 20, 9, 30),
        lines=(RedeemedItem("大米5kg", 1, 30), RedeemedItem("食用油", 1, 25)),
    )
    volunteer = VolunteerRow(3, 9, "张三", "138****5678", "巾帼志愿服务队", 45, 0, 12.5, 0, True)
    data = receipt_data(row, volunteer, centre_name=CENTRE, coordinator="张志强")
    assert data.redemption_number == "DH000007"
    assert data.total == row.points == 55
    assert (data.volunteer_name, data.team, data.available_after, data.frozen_after) == (
        "张三",
        "巾帼志愿服务队",
        45,
        0,
    )
    assert data.lines == [ReceiptLine("大米5kg", 1, 30), ReceiptLine("食用油", 1, 25)]


# --- the statement ---------------------------------------------------------------------
def ledger_lines(count: int, start: dt.datetime = dt.datetime(2023, 1, 3, 9, 0)) -> list[StatementLine]:
    """``count`` entries: mostly earnings (of 2 hours' service, with the note an older
    version stored: "… 2h"), a redemption every tenth, one reversed earning (number 5)
    and its reversal at the end."""
    lines: list[StatementLine] = []
    balance = 0
    for n in range(1, count):
        at = start + dt.timedelta(hours=13 * n)
        served_on, minutes = None, None
        if n % 10 == 0:
            kind, delta, note = "redeem", -20, "大米5kg×1、洗衣液×1、挂面×2、抽纸一提×1（家庭装）"
        else:
            kind, delta, note = "earn", 30, f"{at.date().isoformat()} 2h"
            served_on, minutes = at.date(), 120
        balance += delta
        lines.append(
            StatementLine(n, at, kind, delta, 0, balance, note, "xietiao", n == 5, None, served_on, minutes)
        )
    balance -= 30
    at = start + dt.timedelta(hours=13 * count)
    lines.append(StatementLine(count, at, "reversal", -30, 0, balance, "重复申报", "xietiao", False, 5))
    return lines


def statement(lines, **changes) -> StatementData:
    values = dict(
        centre_name=CENTRE,
        volunteer_name="王堃喆",
        team="夕阳红志愿服务队",
        stars=2,
        approved_hours=412.5,
        available=lines[-1].balance if lines else 0,
        frozen=20,
        lines=lines,
        coordinator="张志强",
        printed_at=dt.datetime(2026, 11, 20, 10, 0),
        operator_names={"xietiao": "张志强"},
    )
    values.update(changes)
    return StatementData(**values)


def test_every_ledger_kind_has_a_chinese_name():
    assert set(KIND_LABELS_ZH) == set(KINDS)
    assert stars_text(0) == "暂无星级" and stars_text(2) == "★★☆☆☆ 二星"
    assert period_text(None, None, dt.date(2026, 11, 20)) == "全部记录（截至 2026-11-20）"
    assert period_text(dt.date(2026, 1, 1), None, dt.date(2026, 11, 20)) == "2026-01-01 至 2026-11-20"


@needs_poppler
def test_a_statement_of_1500_entries_numbers_every_page(tmp_path, chain):
    path = tmp_path / "statement.pdf"
    lines = ledger_lines(1500)
    data = statement(lines)
    build_statement(data, path, chain)
    assert assert_fonts_embedded(path) == ["AAAAAA+WenQuanYiMicroHei-0"]
    assert pages(path) == 36  # about 42 entries a page
    texts = page_texts(path)
    assert len(texts) == 36
    heads = "流水号时间类型积分变动冻结变动可用余额备注经办人"
    closing = lines[-1].balance
    first, last = texts[0], texts[-1]
    assert first.startswith(
        f"{CENTRE}志愿者积分明细"
        "志愿者王堃喆所属队伍夕阳红志愿服务队"
        "星级★★☆☆☆二星累计服务时长412.5小时"
        f"当前可用积分{closing}分当前冻结积分20分"
        "统计期间全部记录（截至2026-11-20）打印时间2026-11-2010:00"
        f"期初可用0分本期增加40500分本期减少3010分期末可用{closing}分"
        f"{heads}"
        "12023-01-0322:00服务获得+30302023-01-032小时张志强"  # entry 1: time, kind, change, balance, note
    )
    assert "52023-01-0602:00服务获得+301502023-01-062小时张志强已冲正" in first  # greyed and marked
    assert not any("2h" in text for text in texts)  # hours in Chinese, never "2h"
    for number, (text, lines) in enumerate(zip(texts, page_lines(path), strict=True), start=1):
        assert f"第 {number} 页 / 共 36 页" in lines, number
        assert text.endswith(f"打印时间2026-11-2010:00第{number}页/共36页王堃喆"), number
        if number > 1:  # the running header and the column heads again
            assert text.startswith(f"{CENTRE}志愿者积分明细（续）志愿者：王堃喆{heads}"), number
    assert last.endswith(
        "15002025-03-2521:00冲正-3037490冲正第5号：重复申报张志强"
        f"以上共1500条记录，期末可用积分{closing}分。"
        "协调员：张志强签字：日期：（单位盖章）"
        "打印时间2026-11-2010:00第36页/共36页王堃喆"
    )
    assert sum(text.count("xietiao") for text in texts) == 0  # full names, not user names


@needs_poppler
def test_an_empty_statement_is_one_page(tmp_path, chain):
    path = tmp_path / "statement.pdf"
    build_statement(
        statement([], stars=0, approved_hours=0, coordinator="", period_start=dt.date(2026, 1, 1)),
        path,
        chain,
    )
    assert page_texts(path) == [
        f"{CENTRE}志愿者积分明细"
        "志愿者王堃喆所属队伍夕阳红志愿服务队"
        "星级暂无星级累计服务时长0.0小时"
        "当前可用积分0分当前冻结积分20分"
        "统计期间2026-01-01至2026-11-20打印时间2026-11-2010:00"
        "期初可用0分本期增加0分本期减少0分期末可用0分"
        "流水号时间类型积分变动冻结变动可用余额备注经办人"
        "本期没有积分变动"
        "以上共0条记录，期末可用积分0分。"
        "协调员签字：日期：（单位盖章）"
        "打印时间2026-11-2010:00第1页/共1页王堃喆"
    ]


@needs_poppler
def test_statement_prints_rare_characters_in_the_running_header(tmp_path, chain):
    path = tmp_path / "statement.pdf"
    build_statement(statement(ledger_lines(120), volunteer_name="王𠀀䶮"), path, chain)
    texts = page_texts(path)
    assert len(texts) == 4
    assert texts[0].startswith(f"{CENTRE}志愿者积分明细志愿者王𠀀䶮所属队伍")  # header
    for number, text in enumerate(texts, start=1):
        assert text.endswith(f"第{number}页/共4页王𠀀䶮"), number  # foot
        if number > 1:
            assert text.startswith(f"{CENTRE}志愿者积分明细（续）志愿者：王𠀀䶮"), number  # running header
    assert sorted(assert_fonts_embedded(path)) == ["AAAAAA+ShequTestRare", "AAAAAA+WenQuanYiMicroHei-0"]


def test_statement_refuses_a_character_no_font_has(tmp_path, chain):
    path = tmp_path / "statement.pdf"
    with pytest.raises(DomainError) as caught:
        build_statement(statement(ledger_lines(3), team=f"{NOWHERE}队"), path, chain)
    assert caught.value.params["char"] == NOWHERE


def test_statement_of_1500_entries_builds_quickly(chain):
    import time

    started = time.perf_counter()
    build_statement(statement(ledger_lines(1500)), io.BytesIO(), chain)
    assert time.perf_counter() - started < 5  # 0.5 to 1 s on the 2-core machines


@needs_poppler
def test_statement_from_the_love_bank(sqlite_db, make_actor, tmp_path, chain):
    co = make_actor(sqlite_db, Role.COORDINATOR)
    clock = [dt.datetime(2026, 3, 2, 10, 0)]
    bank = LoveBankService(sqlite_db.db, now=lambda: clock[0])
    person = sqlite_db.residents.save(co, ResidentForm(name="赵淑芬"))
    v = bank.register_volunteer(co, person)
    item = bank.save_item(co, name="大米5kg", price=30, stock=5)
    bank.approve(co, [bank.record_service(co, v, dt.date(2026, 3, 1), 240)])  # +40, March
    clock[0] = dt.datetime(2026, 4, 10, 9, 0)
    bank.approve(co, [bank.record_service(co, v, dt.date(2026, 4, 9), 120)])  # +20, April
    wrong = bank.adjust(co, v, 15, "误录")
    bank.reverse_entry(co, wrong, "录错了")
    bank.redeem(co, v, Basket({item: 1}), "key-1")
    data = statement_for(
        bank,
        co,
        v,
        centre_name=CENTRE,
        start=dt.date(2026, 4, 1),
        coordinator="张志强",
        printed_at=clock[0],
    )
    assert [line.kind for line in data.lines] == ["earn", "adjust", "reversal", "redeem"]
    assert (data.opening(), data.points_in(), data.points_out(), data.closing()) == (40, 35, 45, 30)
    assert data.available == data.closing() == 30
    path = tmp_path / "statement.pdf"
    build_statement(data, path, chain)
    earn, adjust, reversal, redeem = (line.id for line in data.lines)
    who = co.full_name  # the ledger names the coordinator by full name
    assert page_texts(path) == [
        f"{CENTRE}志愿者积分明细"
        "志愿者赵淑芬所属队伍—"
        "星级暂无星级累计服务时长6.0小时"
        "当前可用积分30分当前冻结积分0分"
        "统计期间2026-04-01至2026-04-10打印时间2026-04-1009:00"
        "期初可用40分本期增加35分本期减少45分期末可用30分"
        "流水号时间类型积分变动冻结变动可用余额备注经办人"
        f"{earn}2026-04-1009:00服务获得+20602026-04-092小时{who}"
        f"{adjust}2026-04-1009:00调整+1575误录{who}已冲正"
        f"{reversal}2026-04-1009:00冲正-1560冲正第{adjust}号：录错了{who}"
        f"{redeem}2026-04-1009:00兑换-3030大米5kg×1{who}"
        "以上共4条记录，期末可用积分30分。"
        "协调员：张志强签字：日期：（单位盖章）"
        "打印时间2026-04-1009:00第1页/共1页赵淑芬"
    ]


def test_importing_the_printing_modules_does_not_import_reportlab():
    code = (
        "import desktop.love_bank.receipt, desktop.love_bank.statement, sys; "
        "print('reportlab' in sys.modules)"
    )
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True
    )
    assert result.stdout.strip() == "False"
