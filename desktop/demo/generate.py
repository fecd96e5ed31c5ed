"""Demo data: a working centre a newcomer can click through at once.

Names and streets come from Faker (zh_CN); ID numbers are made valid (real area codes,
real birth dates, correct check character). ``centre`` makes about 2,000 residents in
20 grids; ``district`` makes 200,000 residents in 1,500 grids with bulk inserts, for
benchmarks. Each demo user's password is listed in the README.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from faker import Faker
from sqlalchemy import func, insert, select, text
from stdnum.cn import ric

from db import audit_mirror, search_index
from db import settings as settings_repo
from db.models import Grid, Resident, ResidentTag, Tag, User
from db.uow import Database
from desktop.admin.passwords import hash_password
from desktop.common import audit
from desktop.common.clock import Clock, system_clock
from desktop.common.errors import DomainError
from desktop.common.i18n import N_
from desktop.common.permissions import SYSTEM, Role
from desktop.common.pinyin import initials
from desktop.demo.love_bank import COUNTS as VOLUNTEER_COUNTS
from desktop.demo.love_bank import fill_love_bank
from desktop.demo.orders import COUNTS as ORDER_COUNTS
from desktop.demo.orders import fill_orders
from desktop.demo.requests import COUNTS as REQUEST_COUNTS
from desktop.demo.requests import fill_requests
from desktop.demo.visits import fill_visits
from desktop.requests import reference_data
from desktop.residents.service import KEY_GROUPS

DEMO_CENTRE = "张店区和平街道幸福社区党群服务中心"

# username, full name, role, password — the README lists these.
DEMO_USERS: tuple[tuple[str, str, Role, str], ...] = (
    ("admin", "王建国", Role.ADMIN, "admin123"),
    ("qiantai", "李秀英", Role.FRONT_DESK, "qiantai123"),
    ("xietiao", "张志强", Role.COORDINATOR, "xietiao123"),
    ("zhuren", "刘桂兰", Role.DIRECTOR, "zhuren123"),
    ("wangge", "赵丽华", Role.GRID_WORKER, "wangge123"),
)


@dataclass(frozen=True)
class Scale:
    grids: int
    residents: int


SCALES = {
    "centre": Scale(grids=20, residents=2_000),
    "district": Scale(grids=1_500, residents=200_000),
}

# Key-group tags. A centre's demo tags many residents so every screen has some to show;
# the district demo keeps to the scale the visits issue names: about 20,000 of 200,000
# residents in a group the visit plan covers (the five monthly ones and 残疾人 quarterly).
ALONE_OVER_75 = {"centre": 0.3, "district": 0.1}


def _tag_count(rng: random.Random, scale: str) -> int:
    """How many key-group tags a demo resident gets (at most two)."""
    if scale == "centre":
        return rng.choice((0, 0, 0, 0, 1, 1, 2))
    r = rng.random()
    return 1 if r < 0.085 else 2 if r < 0.125 else 0


# Area codes of Zibo (淄博) counties, where the demo centre stands, plus a few others.
_AREAS = (
    "370302",
    "370303",
    "370304",
    "370305",
    "370306",
    "370321",
    "370322",
    "370323",
    "370102",
    "370202",
    "110105",
    "320102",
)


def _id_number(rng: random.Random, birth: dt.date, male: bool) -> str:
    seq = rng.randint(0, 99) * 10 + (rng.choice((1, 3, 5, 7, 9)) if male else rng.choice((0, 2, 4, 6, 8)))
    body = f"{rng.choice(_AREAS)}{birth:%Y%m%d}{seq:03d}"
    return body + ric.calc_check_digit(body + "0")


def _birth(rng: random.Random, today: dt.date) -> dt.date:
    # Community centres see many older residents: skew ages towards 50-85.
    age = int(min(95, max(1, rng.triangular(1, 95, 68))))
    return today - dt.timedelta(days=age * 365 + rng.randint(0, 364))


def fill_demo(
    db: Database,
    scale: str = "centre",
    *,
    seed: int = 20261121,
    progress: Callable[[int, int], None] | None = None,
    now: Clock = system_clock,
) -> None:
    """Fill an empty database with sample data; refuses a database that has users.

    The history (requests, service hours, redemptions) runs up to ``now()``.
    """
    if scale not in SCALES:
        raise DomainError(N_("Unknown demo scale {scale}."), scale=scale)
    size = SCALES[scale]
    grand_total = size.residents + REQUEST_COUNTS[scale] + VOLUNTEER_COUNTS[scale] + ORDER_COUNTS[scale]
    rng = random.Random(seed)
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    moment = now()
    today = moment.date()
    with db.writing() as uow:
        s = uow.session
        if s.scalar(select(func.count()).select_from(User)):
            raise DomainError(N_("The database already has data; demo data goes only into a new one."))
        settings_repo.put(s, settings_repo.CENTRE_NAME, DEMO_CENTRE)
        reference_data.seed(s)
        for username, full_name, role, password in DEMO_USERS:
            s.add(
                User(
                    username=username,
                    full_name=full_name,
                    role=role.value,
                    password_hash=hash_password(password),
                    is_active=True,
                    failed_logins=0,
                    created_at=moment,
                )
            )
        tags = [Tag(name=n) for n in KEY_GROUPS]
        s.add_all(tags)
        s.flush()
        tag_ids = [t.id for t in tags]

        communities = [
            "幸福",
            "和平",
            "光明",
            "新华",
            "友谊",
            "团结",
            "建设",
            "胜利",
            "东风",
            "向阳",
            "长安",
            "繁荣",
            "金山",
            "青年",
            "公园",
            "华光",
            "兴业",
            "民生",
            "振华",
            "铁山",
        ]
        grid_rows = [
            {
                "name": f"{communities[i % len(communities)]}社区第{i // len(communities) + 1}网格",
                "is_active": True,
            }
            for i in range(size.grids)
        ]
        s.execute(insert(Grid), grid_rows)
        grid_ids = list(s.scalars(select(Grid.id).order_by(Grid.id)))

        streets = list(dict.fromkeys(fake.street_name() for _ in range(300)))
        estates = [
            f"{fake.last_name()}{w}" for w in ("园", "苑", "小区", "花园", "家园", "新村") for _ in range(20)
        ]
        surnames = [fake.last_name() for _ in range(3000)]
        given_male = [fake.first_name_male() for _ in range(1500)]
        given_female = [fake.first_name_female() for _ in range(1500)]

        batch: list[dict] = []
        tag_batch: list[dict] = []
        seen_ids: set[str] = set()
        next_id = 1
        for i in range(size.residents):
            male = rng.random() < 0.48
            birth = _birth(rng, today)
            surname, given = rng.choice(surnames), rng.choice(given_male if male else given_female)
            name = surname + given
            idn = _id_number(rng, birth, male) if rng.random() < 0.92 else None
            if idn in seen_ids:
                idn = None
            if idn:
                seen_ids.add(idn)
            phone = (
                f"1{rng.choice('3578')}{rng.randint(0, 9)}{rng.randint(0, 99_999_999):08d}"
                if rng.random() < 0.9
                else None
            )
            address = (
                f"{rng.choice(streets)}{rng.randint(1, 300)}号{rng.choice(estates)}"
                f"{rng.randint(1, 30)}号楼{rng.randint(1, 6)}单元{rng.randint(1, 18)}0{rng.randint(1, 4)}室"
            )
            created = moment - dt.timedelta(days=rng.randint(0, 1500), minutes=rng.randint(0, 1440))
            batch.append(
                {
                    "id": next_id,
                    "name": name,
                    # Initials per part: 4,500 cached look-ups instead of one per resident.
                    "name_initials": initials(surname) + initials(given, surname_first=False),
                    "gender": "男" if male else "女",
                    "birth_date": birth,
                    "id_number": idn,
                    "id_number_rev": idn[::-1] if idn else None,
                    "phone": phone,
                    "phone_rev": phone[::-1] if phone else None,
                    "address": address,
                    "grid_id": rng.choice(grid_ids),
                    "notes": "",
                    "archived": rng.random() < 0.02,
                    "created_at": created,
                    "updated_at": created,
                }
            )
            chosen = set(rng.sample(tag_ids, k=_tag_count(rng, scale)))
            if today.year - birth.year >= 75 and rng.random() < ALONE_OVER_75[scale]:
                chosen.add(tag_ids[0])  # 独居老人
            tag_batch += [{"resident_id": next_id, "tag_id": t} for t in sorted(chosen)]
            next_id += 1
            if len(batch) >= 10_000:
                _insert(s, batch, tag_batch)
                batch, tag_batch = [], []
                if progress:
                    progress(i + 1, grand_total)
        if batch:
            _insert(s, batch, tag_batch)
        if progress:
            progress(size.residents, grand_total)
        if s.get_bind().dialect.name == "postgresql":
            s.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence('resident', 'id'), (SELECT max(id) FROM resident))"
                )
            )
        fill_requests(
            s,
            scale,
            rng,
            moment,
            progress=(lambda done, _total: progress(size.residents + done, grand_total))
            if progress
            else None,
        )
        fill_love_bank(
            s,
            scale,
            rng,
            moment,
            progress=(
                lambda done, _total: progress(size.residents + REQUEST_COUNTS[scale] + done, grand_total)
            )
            if progress
            else None,
        )
        done_before_orders = size.residents + REQUEST_COUNTS[scale] + VOLUNTEER_COUNTS[scale]
        fill_orders(
            s,
            scale,
            rng,
            moment,
            progress=(lambda done, _total: progress(done_before_orders + done, grand_total))
            if progress
            else None,
        )
        fill_visits(
            s,
            scale,
            rng,
            moment,
            worker_hash=s.scalar(select(User.password_hash).where(User.username == "wangge")) or "",
            grid_ids=grid_ids,
        )
        # The timeline and ledger rows above went in by bulk inserts, without an audit row
        # each: one seal row holds their digest, so ``check`` still finds them edited.
        audit_mirror.seal(s, user_id=None, username=SYSTEM.username, at=moment, reason="demo")
        audit.record(
            s,
            SYSTEM,
            "demo",
            "database",
            at=moment,
            after={
                "scale": scale,
                "residents": size.residents,
                "grids": size.grids,
                "requests": REQUEST_COUNTS[scale],
                "orders": ORDER_COUNTS[scale],
            },
        )
        uow.commit()
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")  # planner statistics for the bulk-loaded tables
        conn.commit()


def _insert(session, residents: list[dict], tags: list[dict]) -> None:
    # Core executemany on the session's connection: the ORM's bulk path is 3x slower.
    conn = session.connection()
    conn.execute(Resident.__table__.insert(), residents)
    if tags:
        conn.execute(ResidentTag.__table__.insert(), tags)
    search_index.put(session, [(r["id"], r["address"], r["archived"]) for r in residents], new=True)
