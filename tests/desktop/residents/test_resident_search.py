"""Finding a resident from the one search box, on SQLite and on PostgreSQL.

SQLite answers through prefix ranges and the character index on addresses, PostgreSQL
through LIKE and strpos; the front desk must get the same answers from both.
"""

from __future__ import annotations

import pytest

from desktop.common.permissions import SYSTEM, Role
from desktop.residents.service import ResidentFilter, ResidentForm

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]

PEOPLE = [
    # name, ID number, phone, address
    ("张三", "370302198001010016", "13812345678", "幸福家园3号楼2单元101室"),
    ("张伟", None, "13912340000", "和平路12号光明小区5号楼"),
    ("张伟明", None, None, "和平路14号"),
    ("李四", "11010519491231002X", "0533-2223344", "新华街88号"),
    ("欧阳娜娜", "370303197512030045", "15800001111", "幸运里1号A座"),
    ("王五", "110105198808081237", "13700009999", "幸福家园7号楼"),  # archived below
]


@pytest.fixture(scope="module", params=BACKENDS)
def register(request, fresh_database):
    """The register above, entered through the service and shared (read-only) by the
    tests of this module; returns (services, front-desk actor, ids by name)."""
    with fresh_database(request.param) as services:
        yield enter(services)


def enter(services):
    accounts = services.accounts
    for username, role in (("qiantai", Role.FRONT_DESK), ("zhuren", Role.DIRECTOR)):
        accounts.create_user(SYSTEM, username=username, full_name="测试员", role=role, password="secret123")
    desk = accounts.login("qiantai", "secret123")
    ids = {}
    for name, idn, phone, address in PEOPLE:
        ids[name] = services.residents.save(
            desk, ResidentForm(name=name, id_number=idn or "", phone=phone or "", address=address)
        )
    services.residents.set_archived(accounts.login("zhuren", "secret123"), ids["王五"], True)
    return services, desk, ids


def found(register, text: str, **filters) -> set[str]:
    services, desk, _ = register
    f = ResidentFilter(text=text, **filters)
    rows = services.residents.page(desk, f, 0, 100)
    assert services.residents.count(desk, f) == len(rows)
    # The page's snapshot of a search (run once, then paged) gives the same rows.
    result = services.residents.search(desk, f)
    assert result.count == len(rows)
    assert [r.id for r in result.page(0, 100)] == [r.id for r in rows]
    assert [r.id for r in result.page(1, 2)] == [r.id for r in rows[1:3]]
    return {r.name for r in rows}


@pytest.mark.parametrize(
    "text, names",
    [
        ("张", {"张三", "张伟", "张伟明"}),
        ("张伟", {"张伟", "张伟明"}),  # a 2-character name is the common case
        ("张伟明", {"张伟明"}),
        (" 张 伟 ", {"张伟", "张伟明"}),
        ("伟", set()),  # names match from their start
        ("欧阳", {"欧阳娜娜"}),
        ("张%", set()),  # wildcards are plain characters
        ("张_", set()),
    ],
)
def test_name_prefix(register, text, names):
    assert found(register, text) == names


@pytest.mark.parametrize(
    "text, names",
    [
        ("zs", {"张三"}),
        ("ZS", {"张三"}),
        ("ｚｓ", {"张三"}),  # full-width, as an IME may leave it
        ("zw", {"张伟", "张伟明"}),
        ("zwm", {"张伟明"}),
        ("z", {"张三", "张伟", "张伟明"}),
        ("oynn", {"欧阳娜娜"}),
        ("ls", {"李四"}),
        ("ww", set()),  # 王五 is archived
        ("sz", set()),
    ],
)
def test_pinyin_initials(register, text, names):
    assert found(register, text) == names


@pytest.mark.parametrize(
    "text, names",
    [
        ("13812345678", {"张三"}),
        ("138 1234 5678", {"张三"}),
        ("１３８１２３４５６７８", {"张三"}),
        ("138", {"张三"}),
        ("5678", {"张三"}),  # last four digits
        ("0000", {"张伟"}),
        ("1111", {"欧阳娜娜"}),
        ("0533-2223344", {"李四"}),
        ("05332223344", {"李四"}),
        ("3344", {"李四"}),
        ("9999", set()),  # 王五 is archived
        ("13800000000", set()),
    ],
)
def test_phone_full_and_last_digits(register, text, names):
    assert found(register, text) == names


@pytest.mark.parametrize(
    "text, names",
    [
        ("11010519491231002X", {"李四"}),
        ("11010519491231002x", {"李四"}),
        ("002X", {"李四"}),  # last four, as read off a card
        ("002x", {"李四"}),
        ("31002X", {"李四"}),
        ("0016", {"张三"}),
        ("370302198001010016", {"张三"}),
        ("370302", {"张三"}),  # area code: the start of the number
        ("370303", {"欧阳娜娜"}),
        ("110105", {"李四"}),  # 王五 (also 110105) is archived
        ("0045", {"欧阳娜娜"}),
        ("370302198001010017", set()),
    ],
)
def test_id_number_full_and_last_digits(register, text, names):
    assert found(register, text) == names


@pytest.mark.parametrize(
    "text, names",
    [
        ("福", set()),  # one character is the start of a name, never an address
        ("幸福", {"张三"}),  # two characters
        ("家园", {"张三"}),  # two characters from the middle
        ("光明", {"张伟"}),
        ("和平路", {"张伟", "张伟明"}),  # three and more
        ("光明小区", {"张伟"}),
        ("幸福家园3号楼", {"张三"}),
        ("3号楼", {"张三"}),
        ("12号", {"张伟"}),
        ("5号楼", {"张伟"}),
        ("A座", {"欧阳娜娜"}),
        ("a座", {"欧阳娜娜"}),  # letters in addresses match either case
        ("ａ座", {"欧阳娜娜"}),
        ("福幸", set()),  # characters must be adjacent and in order
        ("幸福小区", set()),
        ("88号", {"李四"}),
        ("新华街88号", {"李四"}),
    ],
)
def test_address_substring(register, text, names):
    assert found(register, text) == names


def test_archived_are_excluded_unless_asked_for(register):
    assert found(register, "") == {"张三", "张伟", "张伟明", "李四", "欧阳娜娜"}
    assert found(register, "王五") == set()
    assert found(register, "王五", include_archived=True) == {"王五"}
    assert found(register, "幸福", include_archived=True) == {"张三", "王五"}
    assert found(register, "9999", include_archived=True) == {"王五"}


def test_search_follows_an_edit(any_db):
    register = enter(any_db)
    services, desk, ids = register
    services.residents.save(
        desk,
        ResidentForm(name="张三", id_number=None, phone=None, address="光明小区9号楼"),
        ids["张三"],
    )
    assert found(register, "幸福") == set()
    assert found(register, "光明") == {"张三", "张伟"}
    assert found(register, "9号楼") == {"张三"}


def test_archiving_and_restoring_follow_through_to_address_search(any_db):
    register = enter(any_db)
    services, desk, ids = register
    director = services.accounts.login("zhuren", "secret123")
    services.residents.set_archived(director, ids["张三"], True)
    assert found(register, "幸福") == set()
    assert found(register, "幸福", include_archived=True) == {"张三", "王五"}
    services.residents.set_archived(director, ids["张三"], False)
    assert found(register, "幸福") == {"张三"}
    assert found(register, "3号楼", grid_id=None) == {"张三"}


def test_paging_and_sorting(register):
    services, desk, ids = register
    f = ResidentFilter(text="张")
    newest_first = [r.name for r in services.residents.page(desk, f, 0, 10)]
    assert newest_first == ["张伟明", "张伟", "张三"]
    assert [r.name for r in services.residents.page(desk, f, 1, 1)] == ["张伟"]
    assert services.residents.page(desk, f, 3, 10) == []
    by_name = ResidentFilter(sort="name", descending=False)
    names = [r.name for r in services.residents.page(desk, by_name, 0, 10)]
    assert names == sorted(names)
    assert len(names) == 5


def test_search_results_are_masked(register):
    services, desk, _ = register
    [row] = services.residents.page(desk, ResidentFilter(text="李四"), 0, 10)
    assert (row.id_number, row.phone) == ("110105********002X", "0533-***3344")


@pytest.mark.parametrize("text", ["张", "王芳", "zs", "138", "北京", "3号楼"])
def test_search_with_grid_and_key_group_filters_agrees_with_the_unfiltered_result(demo_db, text):
    """Filters narrow a search exactly: the same rows as filtering its full result."""
    desk = demo_db.accounts.login("qiantai", "qiantai123")
    residents = demo_db.residents
    everything = residents.page(desk, ResidentFilter(text=text), 0, 10_000)
    grid_id, grid_name = residents.grids()[3]
    tag_id, tag_name = residents.tags()[0]
    by_grid = residents.page(desk, ResidentFilter(text=text, grid_id=grid_id), 0, 10_000)
    assert [r.id for r in by_grid] == [r.id for r in everything if r.grid == grid_name]
    assert residents.count(desk, ResidentFilter(text=text, grid_id=grid_id)) == len(by_grid)
    by_tag = residents.page(desk, ResidentFilter(text=text, tag_id=tag_id), 0, 10_000)
    assert [r.id for r in by_tag] == [r.id for r in everything if tag_name in r.tags.split("、")]
