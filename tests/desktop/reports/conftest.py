"""A month of known data for the report tests: October 2026, across the National Day
holiday (1–7 October off) and its 调休 Saturday (10 October, a working day).

Every request is registered and walked through its steps by the request service with a
fixed clock, exactly as the desk would; the love bank is filled by its own service. The
hand-computed figures are in ``test_figures.py``; the cut-off is Monday 2 November 2026
09:00. One request of October 2025 (同比) and one of September 2026 (环比) give the
comparisons something to compare with.

Requests (lead department at the cut-off in brackets):

R1  registered and assigned Wed 30 Sep 16:00 (社区居委会, community, walk-in, 垃圾清运);
    accepted 16:20; answered Thu 8 Oct 15:00 (due 8 Oct 16:00, on time); resolved
    Sat 10 Oct 17:00 (due 10 Oct 16:00 — the 调休 Saturday counts — late); followed up
    Mon 12 Oct 10:00 满意 (due 13 Oct 16:00).
R2  red, registered Thu 8 Oct 09:00 (区住房和城乡建设局, district, phone, 垃圾清运, grid 网格一),
    first assigned to 街道城市管理办公室: accepted 09:20 (due 09:15, late), answered
    9 Oct 08:50, resolved 10 Oct 08:45 (due 09:00), followed up 12 Oct 10:00 不满意
    (due 09:00, late) — reopened; assigned 12 Oct 10:30 to 区住房和城乡建设局, accepted
    10:40, answered 13 Oct 10:00, resolved 14 Oct 10:00, followed up 15 Oct 09:00 基本满意.
R3  registered and assigned Fri 9 Oct 10:00, 20 visitors (社区居委会, community, walk-in,
    楼道堆物, grid 网格一); accepted 10:10; answered Sat 10 Oct 11:00 (due 10:00, late);
    reminded 12 Oct, supervised 13 Oct; never resolved (due 13 Oct 10:00: overdue).
R4  registered Mon 12 Oct 09:00 (社区居委会, community, 12345 hotline, 垃圾清运); assigned
    09:30 to 街道司法所, returned 10:00, assigned 11:00 to 社区居委会; accepted 11:10,
    answered 13 Oct 10:00, resolved 14 Oct 16:00; the follow-up (due 19 Oct 11:00) never
    made: overdue.
R5  registered 20 Oct 14:00 and merged into R4 at 14:05 (a duplicate: not counted).
R6  registered and assigned Fri 30 Oct 16:00 (街道城市管理办公室, town, grid report,
    楼道堆物); accepted 17:00 (late); the answer is due 2 Nov 16:00, after the cut-off.
R7  registered and assigned Wed 15 Oct 2025 10:00 (社区居委会), accepted 10:05, never
    answered (due 16 Oct 2025 10:00: overdue ever since).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from db import settings as settings_repo
from db.models import Category, Department, Grid
from desktop.common.clock import MovableClock
from desktop.common.permissions import Role
from desktop.love_bank.service import Basket, LoveBankService
from desktop.printing import fonts
from desktop.reports.service import ReportService
from desktop.requests import reference_data
from desktop.requests.service import RequestForm, RequestService
from desktop.residents.service import ResidentForm
from tests.pdf_support import make_ttf

CUTOFF = dt.datetime(2026, 11, 2, 9, 0)
CENTRE = "和平街道幸福社区党群服务中心"


@dataclass
class World:
    services: object
    reports: ReportService
    clock: MovableClock
    desk: object
    director: object
    coordinator: object
    requests: dict[str, int]
    departments: dict[str, int]
    categories: dict[str, int]
    volunteers: dict[str, int]
    items: dict[str, int]


def _ids(session, model, names) -> dict[str, int]:
    return {n: session.scalar(select(model.id).where(model.name == n)) for n in names}


def build_october(services, make_actor, tmp_path) -> World:
    clock = MovableClock(dt.datetime(2025, 10, 1, 9, 0))
    with services.db.writing() as uow:
        reference_data.seed(uow.session)
        settings_repo.put(uow.session, settings_repo.CENTRE_NAME, CENTRE)
        uow.session.add(Grid(name="网格一", is_active=True))
        uow.commit()
    desk = make_actor(services, Role.FRONT_DESK)
    director = make_actor(services, Role.DIRECTOR)
    coordinator = make_actor(services, Role.COORDINATOR)
    with services.db.reading() as uow:
        s = uow.session
        departments = _ids(
            s, Department, ["社区居委会", "街道城市管理办公室", "区住房和城乡建设局", "街道司法所"]
        )
        categories = _ids(s, Category, ["垃圾清运", "楼道堆物"])
        grid = s.scalar(select(Grid.id).where(Grid.name == "网格一"))
    residents = services.residents
    requests = RequestService(services.db, tmp_path / "attachments", now=clock)
    x = residents.save(
        desk, ResidentForm(name="张三", phone="13812345678", address="幸福家园3号楼", grid_id=grid)
    )
    y = residents.save(desk, ResidentForm(name="李四", phone="13987654321", address="和平路8号"))

    def register(
        resident, channel, category, department=None, *, urgency="green", level="community", heads=1
    ):
        return requests.register(
            desk,
            RequestForm(
                resident_id=resident,
                channel=channel,
                category_id=categories[category],
                description="测试诉求",
                urgency=urgency,
                level=level,
                head_count=heads,
                lead_department_id=departments[department] if department else None,
            ),
        )

    ids: dict[str, int] = {}
    # R7, a year earlier (同比)
    clock.now = dt.datetime(2025, 10, 15, 10, 0)
    ids["R7"] = register(y, "walk_in", "垃圾清运", "社区居委会")
    clock.now = dt.datetime(2025, 10, 15, 10, 5)
    requests.accept(desk, ids["R7"])
    # R1, registered in September (环比)
    clock.now = dt.datetime(2026, 9, 30, 16, 0)
    ids["R1"] = register(y, "walk_in", "垃圾清运", "社区居委会")
    clock.now = dt.datetime(2026, 9, 30, 16, 20)
    requests.accept(desk, ids["R1"])
    clock.now = dt.datetime(2026, 10, 8, 9, 0)
    ids["R2"] = register(x, "phone", "垃圾清运", "街道城市管理办公室", urgency="red", level="district")
    clock.now = dt.datetime(2026, 10, 8, 9, 20)
    requests.accept(desk, ids["R2"])
    clock.now = dt.datetime(2026, 10, 8, 15, 0)
    requests.answer(desk, ids["R1"], "已安排清运")
    clock.now = dt.datetime(2026, 10, 9, 8, 50)
    requests.answer(desk, ids["R2"], "已安排清运")
    clock.now = dt.datetime(2026, 10, 9, 10, 0)
    ids["R3"] = register(x, "walk_in", "楼道堆物", "社区居委会", heads=20)
    clock.now = dt.datetime(2026, 10, 9, 10, 10)
    requests.accept(desk, ids["R3"])
    clock.now = dt.datetime(2026, 10, 10, 8, 45)
    requests.resolve(desk, ids["R2"])
    clock.now = dt.datetime(2026, 10, 10, 11, 0)
    requests.answer(desk, ids["R3"], "正在协调清理")
    clock.now = dt.datetime(2026, 10, 10, 17, 0)
    requests.resolve(desk, ids["R1"])
    clock.now = dt.datetime(2026, 10, 12, 9, 0)
    ids["R4"] = register(y, "hotline", "垃圾清运")
    clock.now = dt.datetime(2026, 10, 12, 9, 30)
    requests.assign(desk, ids["R4"], departments["街道司法所"])
    clock.now = dt.datetime(2026, 10, 12, 10, 0)
    requests.return_(desk, ids["R4"], "不属于本单位职责")
    requests.follow_up(desk, ids["R1"], "satisfied", "")
    requests.follow_up(desk, ids["R2"], "unsatisfied", "垃圾又堆起来了")
    clock.now = dt.datetime(2026, 10, 12, 10, 30)
    requests.assign(desk, ids["R2"], departments["区住房和城乡建设局"])
    clock.now = dt.datetime(2026, 10, 12, 10, 40)
    requests.accept(desk, ids["R2"])
    clock.now = dt.datetime(2026, 10, 12, 11, 0)
    requests.assign(desk, ids["R4"], departments["社区居委会"])
    requests.remind(desk, ids["R3"], "请尽快办理")
    clock.now = dt.datetime(2026, 10, 12, 11, 10)
    requests.accept(desk, ids["R4"])
    clock.now = dt.datetime(2026, 10, 13, 10, 0)
    requests.answer(desk, ids["R2"], "已联系住建部门")
    requests.answer(desk, ids["R4"], "已答复")
    clock.now = dt.datetime(2026, 10, 13, 14, 0)
    requests.supervise(director, ids["R3"], "督办：限期清理")
    clock.now = dt.datetime(2026, 10, 14, 10, 0)
    requests.resolve(desk, ids["R2"])
    clock.now = dt.datetime(2026, 10, 14, 16, 0)
    requests.resolve(desk, ids["R4"])
    clock.now = dt.datetime(2026, 10, 15, 9, 0)
    requests.follow_up(desk, ids["R2"], "basically", "")
    clock.now = dt.datetime(2026, 10, 20, 14, 0)
    ids["R5"] = register(y, "walk_in", "垃圾清运", "区住房和城乡建设局")
    clock.now = dt.datetime(2026, 10, 20, 14, 5)
    requests.merge(desk, ids["R5"], ids["R4"], "重复登记")
    clock.now = dt.datetime(2026, 10, 30, 16, 0)
    ids["R6"] = register(y, "grid", "楼道堆物", "街道城市管理办公室", level="town")
    clock.now = dt.datetime(2026, 10, 30, 17, 0)
    requests.accept(desk, ids["R6"])

    volunteers, items = _love_bank(services, clock, desk, coordinator)
    clock.now = CUTOFF
    return World(
        services,
        ReportService(services.db, now=clock),
        clock,
        desk,
        director,
        coordinator,
        ids,
        departments,
        categories,
        volunteers,
        items,
    )


def _love_bank(services, clock: MovableClock, desk, coordinator) -> tuple[dict[str, int], dict[str, int]]:
    """Volunteers with rare characters in their names (䶮 is CJK Extension A, 𠇔 Extension
    B), service hours, redemptions and the shop's stock over September–November 2026."""
    bank = LoveBankService(services.db, now=clock)
    residents = services.residents
    clock.now = dt.datetime(2026, 9, 1, 9, 0)
    wang = residents.save(desk, ResidentForm(name="王𠇔", phone="13700001111"))
    liu = residents.save(desk, ResidentForm(name="刘䶮", phone="13700002222"))
    zhang = residents.save(desk, ResidentForm(name="张三丰", phone="13700003333"))
    items = {
        "牙刷": bank.save_item(coordinator, name="牙刷", price=10, stock=10),
        "毛巾": bank.save_item(coordinator, name="毛巾", price=5, stock=3),
        "理发": bank.save_item(
            coordinator, name="理发", price=15, stock=5, kind="service", handed_over_later=True
        ),
    }
    v_wang = bank.register_volunteer(coordinator, wang)
    # 5,900 minutes (98 h 20 min) in September: just short of one star (100 h).
    clock.now = dt.datetime(2026, 9, 25, 17, 0)
    records = [bank.record_service(coordinator, v_wang, dt.date(2026, 9, d), 1440) for d in (21, 22, 23, 24)]
    records.append(bank.record_service(coordinator, v_wang, dt.date(2026, 9, 25), 140))
    bank.approve(coordinator, records)
    clock.now = dt.datetime(2026, 10, 5, 9, 0)
    v_liu = bank.register_volunteer(coordinator, liu)
    clock.now = dt.datetime(2026, 10, 9, 17, 0)
    bank.approve(coordinator, [bank.record_service(coordinator, v_liu, dt.date(2026, 10, 9), 120)])
    clock.now = dt.datetime(2026, 10, 10, 17, 0)
    bank.approve(coordinator, [bank.record_service(coordinator, v_liu, dt.date(2026, 10, 10), 60)])
    clock.now = dt.datetime(2026, 10, 12, 17, 0)
    bank.approve(coordinator, [bank.record_service(coordinator, v_wang, dt.date(2026, 10, 12), 180)])
    clock.now = dt.datetime(2026, 10, 15, 10, 0)
    bank.redeem(coordinator, v_liu, Basket({items["牙刷"]: 2}), "k1")
    clock.now = dt.datetime(2026, 10, 16, 10, 0)
    haircut = bank.redeem(coordinator, v_wang, Basket({items["理发"]: 1}), "k2")
    clock.now = dt.datetime(2026, 10, 17, 10, 0)
    bank.hand_over(coordinator, haircut)
    clock.now = dt.datetime(2026, 10, 20, 10, 0)
    v_zhang = bank.register_volunteer(coordinator, zhang)
    towel = bank.redeem(coordinator, v_liu, Basket({items["毛巾"]: 1}), "k3")
    clock.now = dt.datetime(2026, 10, 21, 10, 0)
    bank.cancel_redemption(coordinator, towel, "拿错了")
    clock.now = dt.datetime(2026, 10, 21, 11, 0)
    bank.record_service(coordinator, v_zhang, dt.date(2026, 10, 21), 90)  # never approved
    clock.now = dt.datetime(2026, 10, 25, 10, 0)
    bank.save_item(coordinator, name="牙刷", price=10, stock=13, item_id=items["牙刷"])  # 5 put in
    clock.now = dt.datetime(2026, 11, 1, 10, 0)
    bank.redeem(coordinator, v_wang, Basket({items["牙刷"]: 1}), "k4")  # after the month
    return {"王𠇔": v_wang, "刘䶮": v_liu, "张三丰": v_zhang}, items


@pytest.fixture(autouse=True)
def rare_characters_font(tmp_path_factory, monkeypatch):
    """The names 王𠇔 and 刘䶮 print on any PC: a tiny TrueType font with just their two
    rare characters joins the fonts, as a centre's font for 生僻字 would (where a system
    font already has them, such as fonts-hanazono, that one prints them)."""
    folder = tmp_path_factory.mktemp("fonts")
    (folder / "rare.ttf").write_bytes(make_ttf("𠇔䶮", "ShequReportRare"))
    monkeypatch.setenv(fonts.ENV_FONT_DIRS, str(folder))
    fonts.forget_fonts()
    yield
    fonts.forget_fonts()


@pytest.fixture
def october(any_db, make_actor, tmp_path) -> World:
    """October 2026 as described in the module docstring, on SQLite and PostgreSQL."""
    return build_october(any_db, make_actor, tmp_path)


@pytest.fixture
def october_sqlite(sqlite_db, make_actor, tmp_path) -> World:
    """The same month on SQLite only (documents: the PDF and the workbook)."""
    return build_october(sqlite_db, make_actor, tmp_path)
