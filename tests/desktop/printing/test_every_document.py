"""Every PDF the app makes — the 回执 slip, the 小票 receipt, the 积分明细 statement — is
built on the one document template with the fonts of this PC (as the app builds it):
only embedded TrueType fonts (no built-in Helvetica, no unembedded CJK font), the
app's metadata, and "第 X 页 / 共 Y 页" on every page of a document of several pages.

When a new document is added (the monthly report), add it to ``DOCUMENTS``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.love_bank.receipt import ReceiptData, ReceiptLine, build_receipt
from desktop.love_bank.service import StatementLine
from desktop.love_bank.statement import StatementData, build_statement
from desktop.printing.fonts import default_chain
from desktop.requests.slip import SlipData, build_slip
from tests.pdf_support import assert_fonts_embedded, needs_poppler, needs_wqy, page_lines, pages, pdf_info

pytestmark = [needs_wqy, needs_poppler]

CENTRE = "滨河街道幸福里社区服务中心"
WHEN = dt.datetime(2026, 11, 20, 10, 0)


def slip(path: Path) -> None:
    build_slip(
        SlipData(
            centre_name=CENTRE,
            request_number="2026-11-000123",
            registered_at=WHEN,
            resident_name="王堃喆",
            phone_masked="138****5678",
            channel="窗口来访",
            category="环境卫生 / 垃圾清运",
            description="小区3号楼东侧垃圾桶一周没有清运。",
            department="城市管理办公室",
            promised=[("受理时限", WHEN), ("回访时限", WHEN.date())],
            centre_phone="0533-2345678",
        ),
        path,
    )


def receipt(path: Path) -> None:
    build_receipt(
        ReceiptData(
            centre_name=CENTRE,
            redemption_number="DH000123",
            redeemed_at=WHEN,
            volunteer_name="王堃喆",
            team="夕阳红志愿服务队",
            lines=[ReceiptLine("大米5kg", 1, 30), ReceiptLine("理发服务", 1, 20)],
            status="frozen",
            available_after=125,
            frozen_after=50,
            coordinator="张志强",
            reprint=True,
            printed_at=WHEN,
        ),
        path,
    )


def statement_of(count: int) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        lines = [
            StatementLine(
                n,
                WHEN - dt.timedelta(days=count - n),
                "earn",
                30,
                0,
                30 * n,
                "服务 2h",
                "张志强",
                False,
                None,
            )
            for n in range(1, count + 1)
        ]
        build_statement(
            StatementData(
                centre_name=CENTRE,
                volunteer_name="王堃喆",
                team="夕阳红志愿服务队",
                stars=3,
                approved_hours=2.0 * count,
                available=30 * count,
                frozen=0,
                lines=lines,
                coordinator="张志强",
                printed_at=WHEN,
            ),
            path,
        )

    return build


# (name, builder, title in the PDF, pages)
DOCUMENTS = [
    ("slip", slip, "居民诉求受理回执 2026-11-000123", 1),
    ("receipt", receipt, "爱心超市兑换小票 DH000123", 1),
    ("statement", statement_of(5), "志愿者积分明细 王堃喆", 1),
    ("long statement", statement_of(200), "志愿者积分明细 王堃喆", 5),
]


@pytest.fixture(scope="module", params=DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def document(request, tmp_path_factory) -> tuple[Path, str, int]:
    name, build, title, count = request.param
    path = tmp_path_factory.mktemp("documents") / f"{name}.pdf"
    build(path)
    return path, title, count


def test_only_embedded_fonts_of_the_chain(document):
    path, _title, _count = document
    names = assert_fonts_embedded(path)  # emb, sub and uni "yes" for every font
    chain_fonts = {font.ttfont.face.name.decode() for font in default_chain().fonts}
    for name in names:
        # "AAAAAA+WenQuanYiMicroHei-0": a subset of a font of the chain, nothing else
        prefix, _plus, base = name.partition("+")
        assert len(prefix) == 6 and prefix.isupper(), name
        assert base.rsplit("-", 1)[0] in chain_fonts, name


def test_made_by_the_app_on_the_template(document):
    path, title, count = document
    assert pages(path) == count
    assert pdf_info(path, "Title") == title
    assert pdf_info(path, "Author") == CENTRE
    assert pdf_info(path, "Creator") == "社区服务中心桌面系统"


def test_pages_are_numbered_where_there_are_several(document):
    path, _title, count = document
    footers = [
        [line for line in lines if line.startswith("第 ") and "页 / 共" in line] for lines in page_lines(path)
    ]
    if path.stem.endswith("statement"):  # numbered even when it is one page
        assert footers == [[f"第 {n} 页 / 共 {count} 页"] for n in range(1, count + 1)]
    else:  # a slip or a receipt is always one sheet and needs no page number
        assert count == 1 and footers == [[]]
