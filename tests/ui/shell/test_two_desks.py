"""Two app processes against one PostgreSQL (issue 11's proof): what desk B (another
process, its own database connections) changes appears in desk A's open page within the
refresh interval, keeping desk A's selection and search; desk A's form opened before desk
B saved the same record is refused with who changed it and when."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.common.permissions import SYSTEM, Role
from desktop.residents.service import ResidentFilter, ResidentForm
from ui.residents.page import ResidentsPage
from ui.widgets.change_hub import ChangeHub
from ui.widgets.resident_dialog import ResidentDialog

REPO = Path(__file__).resolve().parents[3]
INTERVAL = 1.0  # seconds between desk A's polls (the application's default is 3)

# Desk B: a separate Python process that opens the same database, as another PC does.
DESK_B = """
import json, sys
from desktop.common.permissions import Actor, Role
from desktop.opening import open_database
from desktop.residents.service import ResidentForm

url, who, edit_id = sys.argv[1], json.loads(sys.argv[2]), int(sys.argv[3])
services = open_database(url, backup_dir=None)
actor = Actor(who["user_id"], who["username"], who["full_name"], Role(who["role"]))
services.residents.save(actor, ResidentForm(name="甲六", address="幸福家园6号楼"))
opened = services.residents.get(actor, edit_id)
services.residents.save(
    actor,
    ResidentForm(name=opened.name, id_number=None, phone=None, address="幸福家园9号楼",
                 version=opened.version),
    edit_id,
)
services.db.dispose()
"""


def _desk_b(url: str, actor, edit_id: int) -> None:
    who = {
        "user_id": actor.user_id,
        "username": actor.username,
        "full_name": actor.full_name,
        "role": actor.role.value,
    }
    done = subprocess.run(
        [sys.executable, "-c", DESK_B, url, json.dumps(who), str(edit_id)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.slow
@pytest.mark.postgres
def test_a_change_on_desk_b_appears_in_desk_a_and_a_stale_form_is_refused(qtbot, pg_db, pg_url, make_actor):
    desk_a = make_actor(pg_db, Role.FRONT_DESK)
    pg_db.accounts.create_user(
        SYSTEM, username="deskb", full_name="前台乙", role=Role.FRONT_DESK, password="secret123"
    )
    desk_b = pg_db.accounts.login("deskb", "secret123")
    names = ("甲一", "甲二", "甲三", "乙一")
    ids = {name: pg_db.residents.save(desk_a, ResidentForm(name=name)) for name in names}

    hub = ChangeHub()
    hub.follow(pg_db.db, interval=INTERVAL)
    page = ResidentsPage(pg_db.residents, desk_a, hub=hub)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.search_edit.setText("甲")  # what desk A typed
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)  # the search applied: 乙一 is not shown
    assert page.select_resident(ids["甲三"])
    # Desk A opened 甲二's record before desk B changes it.
    dialog = ResidentDialog(pg_db.residents, desk_a, ids["甲二"], page)
    qtbot.addWidget(dialog)

    _desk_b(pg_url, desk_b, ids["甲二"])
    changed_at = time.monotonic()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=int((INTERVAL + 3) * 1000))
    assert time.monotonic() - changed_at < INTERVAL + 3
    assert page.selected_row().id == ids["甲三"]  # selection kept
    assert page.search_edit.text() == "甲"  # typing kept
    names = {page.model.row_at(r).name for r in range(page.model.rowCount())}
    assert "甲六" in names

    dialog.notes_edit.setPlainText("desk A's note")
    dialog.save()
    assert dialog.isVisible() or not dialog.result()  # not accepted
    assert dialog.saved_id is None
    assert "前台乙" in dialog.general_error.text() and "changed this record" in dialog.general_error.text()
    kept = pg_db.residents.get(desk_a, ids["甲二"])
    assert (kept.address, kept.notes) == ("幸福家园9号楼", "")  # desk B's change, not overwritten
    assert pg_db.residents.count(desk_a, ResidentFilter(text="甲")) == 4
    hub.detach_all()
