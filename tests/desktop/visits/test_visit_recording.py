"""Recording visits: the checks, 七必报 items becoming requests in the same transaction,
append-only history with corrections, batches all or nothing, photos."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DatabaseError

from db.models import Request
from db.models_visits import Visit, VisitReport
from desktop.common.errors import DomainError, FieldErrors
from desktop.visits.recording import BatchRowError, VisitForm
from desktop.visits.rules import ReportItem
from desktop.visits.service import VisitService


def _count(world, model) -> int:
    with world.services.db.reading() as uow:
        return uow.session.scalar(select(func.count()).select_from(model))


def test_a_visit_in_the_future_is_refused_with_a_clear_message(world):
    rid = world.resident("张三", "独居老人")
    with pytest.raises(FieldErrors) as caught:
        world.visits.record(world.worker, VisitForm(rid, dt.date(2026, 12, 16)))
    error = caught.value.errors["visited_on"]
    assert "2026-12-16" in str(error) and "future" in error.template
    with pytest.raises(FieldErrors) as caught:
        world.visits.record(world.worker, VisitForm(None, None, method="mail"))
    assert {"resident", "visited_on", "method"} <= set(caught.value.errors)
    assert _count(world, Visit) == 0


def test_an_archived_resident_cannot_be_visited(world):
    rid = world.resident("搬走", "独居老人", archived=True)
    with pytest.raises(FieldErrors) as caught:
        world.visits.record(world.worker, VisitForm(rid, dt.date(2026, 12, 15)))
    assert "archived" in caught.value.errors["resident"].template


def test_an_item_needing_action_becomes_a_grid_report_request_linked_to_the_visit(world):
    rid = world.resident("张三", "独居老人")
    done = world.visits.record(
        world.worker,
        VisitForm(
            rid,
            dt.date(2026, 12, 15),
            companions="楼长 李阿姨",
            findings="楼道堆放杂物，电动车在家充电",
            items=[ReportItem.SAFETY, ReportItem.RENTAL, ReportItem.SANITATION],
        ),
    )
    assert [r.item for r in done.requests] == [ReportItem.SAFETY, ReportItem.SANITATION]
    assert [p.item for p in done.prompts] == [ReportItem.RENTAL] and done.prompts[0].resident_name == "张三"
    with world.services.db.reading() as uow:
        s = uow.session
        requests = s.execute(
            select(Request.id, Request.channel, Request.resident_id, Request.description).order_by(Request.id)
        ).all()
        links = {x.item: x.request_id for x in s.scalars(select(VisitReport))}
    assert [r.channel for r in requests] == ["grid", "grid"]
    assert all(r.resident_id == rid and "电动车" in r.description for r in requests)
    assert links == {"safety": requests[0].id, "rental": None, "sanitation": requests[1].id}
    assert [r.request_id for r in done.requests] == [requests[0].id, requests[1].id]
    row = world.visits.visit(world.worker, done.visit_id)
    assert row.request_ids == (requests[0].id, requests[1].id) and row.companions == "楼长 李阿姨"


def test_a_failing_request_rolls_the_visit_back_with_it(world):
    rid = world.resident("张三", "独居老人")

    def broken(session, actor, report):
        session.add(Request(number="X", resident_id=rid))  # half a request, then the failure
        raise DomainError("the requests job refused")

    visits = VisitService(world.services.db, world.clock, raise_request=broken)
    with pytest.raises(DomainError, match="refused"):
        visits.record(world.worker, VisitForm(rid, dt.date(2026, 12, 15), findings="漏电", items=["safety"]))
    assert _count(world, Visit) == 0 and _count(world, Request) == 0 and _count(world, VisitReport) == 0


def test_an_action_item_needs_the_findings(world):
    rid = world.resident("张三", "独居老人")
    with pytest.raises(FieldErrors) as caught:
        world.visits.record(world.worker, VisitForm(rid, dt.date(2026, 12, 15), items=["instability"]))
    assert set(caught.value.errors) == {"findings"}


def test_visits_are_append_only_in_the_database(world):
    rid = world.resident("张三", "独居老人")
    world.visits.record(
        world.worker, VisitForm(rid, dt.date(2026, 12, 15), findings="x", items=["hospitalised"])
    )
    for sql in (
        "UPDATE visit SET findings = 'changed'",
        "DELETE FROM visit",
        "UPDATE visit_report SET request_id = NULL",
        "DELETE FROM visit_report",
    ):
        with pytest.raises(DatabaseError, match="append-only"):
            with world.services.db.engine.begin() as conn:
                conn.execute(text(sql))


def test_a_correction_supersedes_and_keeps_the_old_entry(world, audit_rows):
    rid = world.resident("张三", "独居老人")
    first = world.visits.record(
        world.worker, VisitForm(rid, dt.date(2026, 12, 14), findings="漏水", items=["safety"])
    )
    with pytest.raises(FieldErrors):
        world.visits.correct(world.worker, first.visit_id, VisitForm(rid, dt.date(2026, 12, 14)), reason="")
    fixed = world.visits.correct(
        world.worker,
        first.visit_id,
        VisitForm(rid, dt.date(2026, 12, 13), method="centre", findings="漏水，已报物业", items=["safety"]),
        reason="日期记错",
    )
    assert fixed.requests == ()  # the request the first entry raised stays linked, none raised twice
    assert _count(world, Request) == 1
    current = world.visits.history(world.worker, rid)
    assert [(v.id, v.visited_on, v.supersedes_id) for v in current] == [
        (fixed.visit_id, dt.date(2026, 12, 13), first.visit_id)
    ]
    assert current[0].request_ids and current[0].reason == "日期记错"
    everything = world.visits.history(world.worker, rid, include_replaced=True)
    assert {v.id: v.replaced for v in everything} == {first.visit_id: True, fixed.visit_id: False}
    with pytest.raises(DomainError, match="already been corrected"):
        world.visits.correct(
            world.worker, first.visit_id, VisitForm(rid, dt.date(2026, 12, 13)), reason="再改"
        )
    gone = world.visits.withdraw(world.worker, fixed.visit_id, reason="走错门")
    assert world.visits.history(world.worker, rid) == []
    assert world.visits.visit(world.worker, gone.visit_id).withdrawn
    actions = [r.action for r in audit_rows(world.services) if r.entity == "visit"]
    assert actions == ["record", "correct", "withdraw"]


def test_a_batch_is_saved_whole_or_not_at_all_naming_the_bad_row(world):
    a = world.resident("张三", "独居老人")
    b = world.resident("李四", "困难家庭")
    elsewhere = world.resident("王五", "困难家庭", grid="二网格")
    grid = world.grids["一网格"]
    day = dt.date(2026, 12, 14)
    with pytest.raises(BatchRowError) as caught:
        world.visits.record_batch(
            world.worker,
            grid,
            [
                VisitForm(a, day, findings="隐患", items=["safety"]),
                VisitForm(elsewhere, day),
                VisitForm(b, day),
            ],
        )
    assert caught.value.row == 2 and caught.value.name == "王五" and "resident" in caught.value.errors
    assert caught.value.params == {"row": 2, "name": "王五"}
    with pytest.raises(BatchRowError) as caught:
        world.visits.record_batch(world.worker, grid, [VisitForm(a, day), VisitForm(b, dt.date(2027, 1, 1))])
    assert caught.value.row == 2 and "visited_on" in caught.value.errors
    assert _count(world, Visit) == 0 and _count(world, Request) == 0
    done = world.visits.record_batch(
        world.worker, grid, [VisitForm(a, day, findings="隐患", items=["safety"]), VisitForm(b, day)]
    )
    assert len(done) == 2 and len(done[0].requests) == 1
    assert _count(world, Visit) == 2


def test_photos_are_kept_in_the_attachment_store(world, tmp_path):
    rid = world.resident("张三", "独居老人")
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"0" * 100)
    done = world.visits.record(world.worker, VisitForm(rid, dt.date(2026, 12, 15), photos=[photo]))
    ((sha, name),) = world.visits.visit(world.worker, done.visit_id).photos
    assert name == "现场.jpg"
    assert world.visits.photo_file(world.worker, sha, name).read_bytes() == photo.read_bytes()
    with pytest.raises(FieldErrors):
        world.visits.record(
            world.worker, VisitForm(rid, dt.date(2026, 12, 15), photos=[tmp_path / "missing.jpg"])
        )
