"""A centre ready for service orders (for the tests and their conftest): people of every
role, a menu, providers, funds, residents and volunteers, and a clock the tests move;
plus ``World.walk`` to bring an order to any stage of the flow."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from db.models import Tag
from desktop.common.clock import MovableClock
from desktop.common.permissions import Actor, Role
from desktop.love_bank.service import LoveBankService
from desktop.opening import Services, volunteer_hours
from desktop.orders.service import (  # noqa: F401  (re-exported for the tests)
    BudgetLine,
    DraftForm,
    FundForm,
    MenuItemForm,
    OrderForm,
    OrderService,
    PaymentForm,
    ProviderForm,
    SessionForm,
    VolunteerTime,
)
from desktop.orders.states import Stage
from desktop.residents.service import ResidentForm

START = dt.datetime(2026, 12, 7, 10, 0)  # a Monday
YUAN = 100  # fen


@dataclass
class World:
    services: Services
    orders: OrderService
    bank: LoveBankService
    clock: MovableClock  # what every service is told; the tests move it
    desk: Actor
    coordinator: Actor
    director: Actor
    admin: Actor
    residents: list[int]
    tags: dict[str, int]
    items: dict[str, int]
    providers: dict[str, int]
    funds: dict[str, int]
    volunteers: list[int] = field(default_factory=list)

    def place(self, item: str = "上门理发", resident: int = 0) -> int:
        return self.orders.place(
            self.desk, OrderForm(resident_id=self.residents[resident], item_id=self.items[item])
        )

    def draft_form(self, budget: int = 10_000 * YUAN, fund: str = "党建", **kwargs) -> DraftForm:
        values: dict = {
            "deadline": self.clock.now.date() + dt.timedelta(days=30),
            "lines": [BudgetLine(self.funds[fund], budget)],
            "planned_people": 20,
            "planned_sessions": 2,
            "target_tag_ids": [self.tags["独居老人"]],
            "scope": "为辖区独居老人上门理发",
        }
        values.update(kwargs)
        return DraftForm(**values)

    def walk(self, stage: Stage, *, budget: int = 10_000 * YUAN, contract: int = 8_000 * YUAN) -> int:
        """A new order brought along the main road to ``stage``."""
        o, d = self.orders, self.desk
        order = self.place()
        if stage == Stage.PENDING_REVIEW:
            return order
        if stage == Stage.REJECTED:
            o.reject(d, order, "不在服务范围")
            return order
        o.take_in(d, order)
        if stage == Stage.TO_DRAFT:
            return order
        if stage == Stage.PENDING_APPROVAL:
            o.draft(d, order, self.draft_form(budget=20_000 * YUAN))
            return order
        if stage == Stage.PUBLICITY:
            o.draft(d, order, self.draft_form(budget=budget, publicity_days=3))
            return order
        o.draft(d, order, self.draft_form(budget=budget))
        if stage == Stage.CANCELLED:
            o.cancel(d, order, "居民不再需要")
            return order
        if stage == Stage.TO_DISPATCH:
            return order
        o.dispatch(d, order, [self.providers["社工"]])
        if stage == Stage.TO_ACCEPT:
            return order
        o.accept(d, order, self.providers["社工"], contract, "王站长")
        if stage == Stage.IN_PROGRESS:
            return order
        if stage == Stage.TERMINATED:
            o.terminate(self.director, order, "服务对象搬离")
            return order
        self.report(order, people=20)
        self.report(order, people=5)
        o.finish(d, order, "王站长")
        if stage == Stage.TO_RATE:
            return order
        o.rate(d, order, "satisfied", "理发师很耐心")
        if stage == Stage.TO_CHECK:
            return order
        o.check_work(self.director, order)
        if stage == Stage.TO_PAY:
            return order
        assert stage == Stage.SETTLED
        fund = self.funds["党建"]
        o.pay(self.director, order, self.payment(fund, "final", contract, f"V-{order}-F"))
        return order

    def report(self, order: int, people: int = 10, volunteers=(), **kwargs) -> object:
        form = SessionForm(
            held_on=self.clock.now.date(),
            people=people,
            reporter="王站长",
            content="上门理发",
            volunteers=tuple(VolunteerTime(v, m) for v, m in volunteers),
            **kwargs,
        )
        return self.orders.report_session(self.desk, order, form)

    def payment(self, fund: int, tranche: str, amount: int, voucher: str, **kwargs) -> PaymentForm:
        kwargs.setdefault("paid_on", self.clock.now.date())
        return PaymentForm(fund_id=fund, tranche=tranche, amount=amount, voucher=voucher, **kwargs)

    def fund_row(self, name: str):
        return self.orders.fund(self.director, self.funds[name])


def make_world(services: Services, make_actor, attachments) -> World:
    clock = MovableClock(START)
    bank = LoveBankService(services.db, now=clock)
    orders = OrderService(services.db, attachments, now=clock, record_volunteer_hours=volunteer_hours(bank))
    desk = make_actor(services, Role.FRONT_DESK)
    coordinator = make_actor(services, Role.COORDINATOR)
    director = make_actor(services, Role.DIRECTOR)
    admin = make_actor(services, Role.ADMIN)
    with services.db.writing() as uow:
        for name in ("独居老人", "残疾人", "留守儿童"):
            uow.session.add(Tag(name=name))
        uow.commit()
    tags = {name: i for i, name in services.residents.tags()}
    residents = [
        services.residents.save(desk, ResidentForm(name=n, tag_ids=[tags["独居老人"]]))
        for n in ("张大爷", "李奶奶")
    ]
    items = {
        "上门理发": orders.save_menu_item(
            admin,
            MenuItemForm(
                category="助老服务",
                name="上门理发",
                unit="次",
                guide_price=30 * YUAN,
                tag_ids=[tags["独居老人"]],
            ),
        ),
        "心理疏导": orders.save_menu_item(
            admin,
            MenuItemForm(
                category="心理疏导",
                name="心理疏导",
                unit="小时",
                guide_price=200 * YUAN,
                provider_kinds=["non_enterprise", "social_group"],
            ),
        ),
        "广场舞": orders.save_menu_item(admin, MenuItemForm(category="文体活动", name="广场舞培训")),
    }
    save = orders.save_provider
    providers = {
        "社工": save(
            director,
            ProviderForm(
                name="幸福社会工作服务中心",
                kind="non_enterprise",
                credit_code="52370302MJD2022018",
                leader="王站长",
                phone="13812345678",
                areas=["助老服务", "心理疏导"],
                rating=4,
                rated_on=dt.date(2024, 5, 1),
            ),
        ).id,
        "协会": save(
            director, ProviderForm(name="张店区老年协会", kind="social_group", areas=["文体活动"])
        ).id,
        "备案": save(director, ProviderForm(name="和平社区夕阳红文艺队", kind="filed_community_org")).id,
        "公司": save(
            director, ProviderForm(name="淄博家政服务有限公司", kind="enterprise", areas=["助老服务"])
        ).id,
    }
    funds = {
        "党建": orders.save_fund(
            director,
            FundForm(
                name="2026年党组织服务群众专项经费", year=2026, kind="party_service", total=200_000 * YUAN
            ),
        ),
        "创投": orders.save_fund(
            director,
            FundForm(
                name="2026年公益创投",
                year=2026,
                kind="venture",
                total=50_000 * YUAN,
                order_cap=20_000 * YUAN,
                excluded_categories=["文体活动"],
            ),
        ),
    }
    world = World(
        services,
        orders,
        bank,
        clock,
        desk,
        coordinator,
        director,
        admin,
        residents,
        tags,
        items,
        providers,
        funds,
    )
    for resident in residents:
        world.volunteers.append(bank.register_volunteer(coordinator, resident))
    return world
