"""Report settings (stored in the database, audited, checked) and the report's own copies
of other jobs' vocabulary, which must stay equal to the originals."""

from __future__ import annotations

import pytest

from desktop.common.errors import FieldErrors, PermissionDenied
from desktop.common.permissions import Role
from desktop.love_bank.rules import STARS
from desktop.reports import wording
from desktop.reports.love_bank_figures import STAR_HOURS, star_level
from desktop.reports.service import ReportService
from desktop.reports.settings import ReportSettings, validate
from desktop.requests import clocks, vocabulary


def test_defaults_are_those_of_the_issue():
    s = ReportSettings()
    assert s.weights == (30, 35, 35)
    assert (s.minimum_requests, s.reply_threshold, s.satisfaction_threshold, s.basically_counts) == (
        5,
        92.0,
        85.0,
        True,
    )


def test_settings_are_kept_in_the_database_and_audited(sqlite_db, make_actor, audit_rows):
    director = make_actor(sqlite_db, Role.DIRECTOR)
    reports = ReportService(sqlite_db.db)
    saved = reports.save_settings(
        director, weight_on_time=40, weight_satisfaction=30, weight_reopen=30, basically_counts=False
    )
    assert saved.weights == (40, 30, 30) and not saved.basically_counts
    assert ReportService(sqlite_db.db).settings() == saved
    last = audit_rows(sqlite_db)[-1]
    assert (last.entity, last.action) == ("report_settings", "update")
    assert reports.save_settings(director, reply_threshold="90%").reply_threshold == 90.0


def test_bad_settings_name_each_field():
    with pytest.raises(FieldErrors) as err:
        validate(weight_on_time=-1, minimum_requests=0, satisfaction_threshold=101, basically_counts="yes")
    assert set(err.value.errors) == {
        "weight_on_time",
        "minimum_requests",
        "satisfaction_threshold",
        "basically_counts",
    }
    with pytest.raises(FieldErrors) as err:
        validate(weight_on_time=0, weight_satisfaction=0, weight_reopen=0)
    assert set(err.value.errors) == {"weight_on_time"}


def test_only_the_director_and_the_administrator_change_them(sqlite_db, make_actor):
    desk = make_actor(sqlite_db, Role.FRONT_DESK)
    with pytest.raises(PermissionDenied):
        ReportService(sqlite_db.db).save_settings(desk, hotspots=3)


def test_the_reports_copies_of_other_jobs_words_are_equal_to_the_originals():
    assert list(wording.CHANNELS_ZH) == list(vocabulary.CHANNELS)
    assert list(wording.LEVELS_ZH) == list(vocabulary.LEVELS)
    assert list(wording.SATISFACTION_ZH) == list(vocabulary.SATISFACTION)
    assert list(wording.CLOCKS_ZH) == list(clocks.CLOCKS)
    assert sorted(STAR_HOURS) == sorted(hours for hours, _stars in STARS)
    assert [star_level(h * 60) for h in (99, 100, 299, 300, 1500)] == [0, 1, 1, 2, 5]
