"""The reception page (接待登记), driven from the keyboard as the front desk uses it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QStyle, QStyleOptionSpinBox, QWidget

from desktop.common.matching import exact_choice, match_choices
from desktop.common.permissions import Actor
from desktop.common.pinyin import initials
from desktop.opening import Services
from desktop.requests.service import DESCRIPTION_MAX, RequestFilter, RequestForm
from desktop.residents.service import ResidentFilter, ResidentRow
from tests.pdf_support import assert_fonts_embedded, pdf_text
from ui.requests import slip
from ui.requests.reception_page import ReceptionPage
from ui.requests.slip import slip_data
from ui.widgets.change_hub import ChangeHub

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
GARBAGE = "环境卫生 / 垃圾清运"
PROPERTY_OFFICE = "小区物业服务中心"
MAX_KEYS = 25


class Keyboard:
    """Types on whatever widget has the focus, as a person does, counting every key."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.count = 0

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focus(), text)
        self.count += len(text)

    def press(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier, *, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.focus(), key, modifier)
            self.count += 1

    def ime(self, text: str) -> None:
        """Chinese from the pinyin IME: one committed string (QTest cannot type CJK keys).

        Not counted: used for the description, whose text is the visitor's own.
        """
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(self.focus(), event)


class Previews:
    """Stands in for the PDF preview dialog: records what it was asked to show."""

    def __init__(self):
        self.opened: list[tuple[Path, str]] = []

    def __call__(self, path: Path, title: str, parent: QWidget | None):
        self.opened.append((Path(path), title))
        return None


def make_page(qtbot, services: Services, actor: Actor, **kwargs) -> ReceptionPage:
    kwargs.setdefault("preview_factory", Previews())
    page = ReceptionPage(
        services.requests, services.residents, actor, centre_name=services.centre.name(), **kwargs
    )
    qtbot.addWidget(page)
    page.resize(1198, 700)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.focus_default()  # the main window does this when the page is opened
    return page


def choice_id(page: ReceptionPage, label: str, *, department: bool = False) -> int:
    choices = page.fields.departments if department else page.fields.categories
    return next(c.id for c in choices if c.label == label)


def findable_resident(services: Services, actor: Actor) -> tuple[ResidentRow, str, int]:
    """A resident, the pinyin initials that find them, and their place in the result list."""
    fallback = None
    for row in services.residents.page(actor, ResidentFilter(), 0, 300):
        if len(row.name) < 2 or not row.phone:
            continue
        typed = initials(row.name)
        ids = [r.id for r in services.residents.search(actor, ResidentFilter(text=typed)).page(0, 8)]
        if row.id not in ids:
            continue
        at = ids.index(row.id)
        if 1 <= at <= 3:  # one that needs ↓ too, as at a real desk
            return row, typed, at
        fallback = fallback or (row, typed, at)
    assert fallback is not None
    return fallback


def newest_request(services: Services, actor: Actor, resident_id: int):
    rows = services.requests.page(actor, RequestFilter(resident_id=resident_id), 0, 1)
    assert rows, "no request was registered"
    return services.requests.get(actor, rows[0].id)


def request_count(services: Services, actor: Actor) -> int:
    return services.requests.count(actor, RequestFilter())


def fill_minimum(page: ReceptionPage, resident_id: int, description: str = "楼道里堆满杂物，影响通行。"):
    assert page.choose_resident(resident_id, advance=False)
    page.fields.set_category(choice_id(page, GARBAGE))
    page.fields.description_edit.setPlainText(description)


# --- the keyboard path -----------------------------------------------------------------
def test_a_known_residents_request_takes_at_most_25_keys(qtbot, services, front_desk):
    resident, typed, at = findable_resident(services, front_desk)
    page = make_page(qtbot, services, front_desk)
    keys = Keyboard(qtbot)
    assert keys.focus() is page.resident_box.edit

    keys.type(typed)  # pinyin initials, e.g. "zsf"
    qtbot.waitUntil(page.resident_box.popup.isVisible)  # searches as you type
    keys.press(Qt.Key.Key_Down, times=at)
    keys.press(Qt.Key.Key_Return)
    assert page.resident is not None and page.resident.id == resident.id
    assert keys.focus() is page.fields.category_edit  # channel walk-in is the default: skipped

    keys.type("lj")  # 垃圾清运 by its pinyin initials
    assert page.fields.category.popup.texts()[0] == GARBAGE
    keys.press(Qt.Key.Key_Return)
    assert page.fields.category_edit.text() == GARBAGE
    assert keys.focus() is page.fields.description_edit

    keys.ime("楼下垃圾桶三天没人清运，气味很大，希望尽快处理。")
    keys.press(Qt.Key.Key_Tab)  # Tab leaves the description
    assert keys.focus() is page.fields.department_edit
    keys.type("wy")  # 小区物业服务中心: 物业 by its initials
    keys.press(Qt.Key.Key_Return)
    assert page.fields.department_edit.text() == PROPERTY_OFFICE
    keys.press(Qt.Key.Key_S, CTRL)

    print(f"keys: {keys.count} (typed {typed!r}, {at} × ↓)")
    assert keys.count <= MAX_KEYS, f"{keys.count} keys"
    detail = newest_request(services, front_desk, resident.id)
    assert detail.category_id == choice_id(page, GARBAGE)
    assert detail.lead_department_id == choice_id(page, PROPERTY_OFFICE, department=True)
    assert detail.department == PROPERTY_OFFICE
    assert detail.description == "楼下垃圾桶三天没人清运，气味很大，希望尽快处理。"
    assert (detail.channel, detail.urgency, detail.level, detail.head_count) == (
        "walk_in",
        "green",
        "community",
        1,
    )
    assert detail.status == "assigned"  # routed at once to the lead department
    # Ready for the next visitor, with the number on screen.
    assert page.last_request_id == detail.id
    assert detail.number in page.saved_text.text()
    assert page.print_button.isVisible()
    assert (
        page.resident is None
        and page.resident_box.edit.text() == ""
        and page.fields.category_edit.text() == ""
    )
    assert page.fields.description_edit.toPlainText() == ""
    assert keys.focus() is page.resident_box.edit


def test_enter_right_after_typing_picks_the_first_match(qtbot, services, front_desk):
    resident, typed, _at = findable_resident(services, front_desk)
    first = services.residents.search(front_desk, ResidentFilter(text=typed)).page(0, 1)[0]
    page = make_page(qtbot, services, front_desk)
    keys = Keyboard(qtbot)
    keys.type(typed)
    keys.press(Qt.Key.Key_Return)  # before the search timer: the search runs now
    assert page.resident is not None and page.resident.id == first.id
    assert page.card.name.text() == first.name
    assert page.card.values["phone"].text() == first.phone  # masked
    assert "*" in first.phone


def test_tab_order_puts_the_frequent_fields_first_and_each_radio_row_is_one_stop(qtbot, services, front_desk):
    page = make_page(qtbot, services, front_desk)
    keys = Keyboard(qtbot)
    seen = []
    for _ in range(11):
        keys.press(Qt.Key.Key_Tab)
        seen.append(keys.focus())
    assert seen == [
        page.fields.channel_buttons["walk_in"],
        page.fields.category_edit,
        page.fields.description_edit,
        page.fields.department_edit,
        page.fields.assists,
        page.fields.urgency_buttons["green"],
        page.fields.level_buttons["community"],
        page.fields.grid_combo,
        page.fields.head_spin,
        page.fields.attach_button,
        page.save_button,
    ]
    # Shift+Tab back into a row lands on its checked button too; arrows change the choice.
    page.fields.category_edit.setFocus()
    keys.press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert keys.focus() is page.fields.channel_buttons["walk_in"]
    keys.press(Qt.Key.Key_Right)
    assert page.fields.channel_buttons["phone"].isChecked()


def test_alt_digits_choose_the_channel_and_a_group_visit_keeps_its_head_count(qtbot, services, front_desk):
    resident, _typed, _at = findable_resident(services, front_desk)
    page = make_page(qtbot, services, front_desk)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_3, ALT)
    assert page.fields.channel_buttons["hotline"].isChecked()
    keys.press(Qt.Key.Key_2, ALT)
    assert page.fields.channel_buttons["phone"].isChecked()
    fill_minimum(page, resident.id)
    page.fields.head_spin.setFocus()
    page.fields.head_spin.selectAll()
    keys.type("20")
    assert page.fields.group_label.text() == "Group visit"
    page.fields.urgency_buttons["red"].click()
    keys.press(Qt.Key.Key_Return, CTRL)
    detail = newest_request(services, front_desk, resident.id)
    assert (detail.channel, detail.head_count, detail.urgency) == ("phone", 20, "red")
    assert detail.status == "registered"  # no lead department: registered only
    assert page.fields.channel_buttons["walk_in"].isChecked()  # defaults again for the next visitor
    assert page.fields.head_spin.value() == 1


# --- choosing category and department --------------------------------------------------
@pytest.mark.parametrize(
    "typed", ["垃圾", "lj", "ljqy", "环境 垃圾", "hjws lj", GARBAGE, "环境卫生/垃圾清运"]
)
def test_a_category_is_found_by_characters_initials_or_parent_and_child(qtbot, services, front_desk, typed):
    page = make_page(qtbot, services, front_desk)
    assert match_choices(page.fields.categories, typed)[0].label == GARBAGE


def test_category_lists_and_exact_labels(qtbot, services, front_desk):
    page = make_page(qtbot, services, front_desk)
    assert match_choices(page.fields.categories, "xyzxyz") == []
    assert len(match_choices(page.fields.categories, "")) == len(page.fields.categories)
    assert all(" / " in c.label for c in page.fields.categories)  # sub-categories only, under their parent
    assert exact_choice(page.fields.categories, GARBAGE).id == choice_id(page, GARBAGE)
    assert exact_choice(page.fields.categories, "垃圾清运").id == choice_id(page, GARBAGE)


def test_category_typed_with_the_ime_and_down_lists_everything(qtbot, services, front_desk):
    page = make_page(qtbot, services, front_desk)
    keys = Keyboard(qtbot)
    page.fields.category_edit.setFocus()
    keys.press(Qt.Key.Key_Down)  # empty field: ↓ opens the whole list
    assert page.fields.category.popup.isVisible()
    assert len(page.fields.category.popup.texts()) == len(page.fields.categories)
    keys.press(Qt.Key.Key_Escape)
    assert not page.fields.category.popup.isVisible()
    keys.ime("环境 垃圾")  # pinyin IME: parent and child, space between
    assert page.fields.category.popup.texts() == [GARBAGE]
    keys.press(Qt.Key.Key_Tab)  # the only match is taken on Tab too
    assert page.fields.category_id == choice_id(page, GARBAGE)
    assert keys.focus() is page.fields.description_edit


def test_a_department_sets_the_level_unless_the_user_chose_one(qtbot, services, front_desk):
    page = make_page(qtbot, services, front_desk)
    page.fields.set_department(choice_id(page, "街道司法所", department=True))
    assert page.fields.level_buttons["town"].isChecked()
    page.fields.set_department(choice_id(page, "区民政局", department=True))
    assert page.fields.level_buttons["district"].isChecked()
    page.fields.level_buttons["community"].click()
    page.fields.set_department(choice_id(page, "街道司法所", department=True))
    assert page.fields.level_buttons["community"].isChecked()


def test_assisting_departments_are_saved_and_the_lead_cannot_assist(qtbot, services, front_desk):
    resident, _typed, _at = findable_resident(services, front_desk)
    page = make_page(qtbot, services, front_desk)
    fill_minimum(page, resident.id)
    police = choice_id(page, "派出所", department=True)
    office = choice_id(page, "街道城市管理办公室", department=True)
    page.fields.assists.set_ids([police, office])
    assert page.fields.assists.text().startswith("街道城市管理办公室、")
    page.fields.set_department(office)  # the lead is taken out of the assisting ones
    assert page.fields.assists.ids() == [police]
    assert not page.fields.assists.entries[office].isEnabled()
    assert page.save()
    detail = newest_request(services, front_desk, resident.id)
    assert detail.department == "街道城市管理办公室"
    assert detail.assists == ("派出所",)


# --- bad input -------------------------------------------------------------------------
def test_without_resident_and_description_nothing_is_saved(qtbot, services, front_desk):
    page = make_page(qtbot, services, front_desk)
    before = request_count(services, front_desk)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_S, CTRL)
    assert page.message("resident") == "Find or register the resident first."
    assert page.message("category") == "Choose a category."
    assert page.message("description") == "Describe the request."
    assert page.message("department") == ""
    assert keys.focus() is page.resident_box.edit  # the first field with an error
    assert request_count(services, front_desk) == before
    assert page.saved_bar.isHidden()


def test_a_100_kb_description_is_refused_under_its_field(qtbot, services, front_desk):
    resident, _typed, _at = findable_resident(services, front_desk)
    page = make_page(qtbot, services, front_desk)
    before = request_count(services, front_desk)
    fill_minimum(page, resident.id, description="诉" * 102_400)
    assert not page.save()
    message = page.message("description")
    assert message == f"The description has 102400 characters; at most {DESCRIPTION_MAX} are allowed."
    assert page.message("resident") == "" and page.message("category") == ""
    assert page.fields.description_edit.hasFocus()
    assert request_count(services, front_desk) == before
    # Shortened, it goes through; the messages go away.
    page.fields.description_edit.setPlainText("诉" * 200)
    assert page.save()
    assert page.message("description") == ""
    assert request_count(services, front_desk) == before + 1


def test_text_typed_but_not_picked_is_named_under_the_field(qtbot, services, front_desk):
    resident, _typed, _at = findable_resident(services, front_desk)
    page = make_page(qtbot, services, front_desk)
    before = request_count(services, front_desk)
    fill_minimum(page, resident.id)
    keys = Keyboard(qtbot)
    page.fields.department_edit.setFocus()
    keys.type("qqqq")
    assert page.fields.department.popup.texts() == ["Nothing matches; try other characters"]
    assert not page.save()
    assert page.message("department") == "Pick a department from the list, or leave it empty."
    page.fields.category_edit.setFocus()
    page.fields.category_edit.selectAll()
    keys.type("zzzz")
    assert not page.save()
    assert page.message("category") == "Pick a category from the list."
    assert request_count(services, front_desk) == before


def test_a_role_without_request_handling_cannot_register(qtbot, services, coordinator):
    page = make_page(qtbot, services, coordinator)
    assert not page.save_button.isEnabled()
    assert not page.save()


# --- residents not found ----------------------------------------------------------------
def test_a_resident_not_found_is_registered_in_place_then_chosen(qtbot, services, front_desk):
    name = "司马霁月"
    assert services.residents.count(front_desk, ResidentFilter(text=name)) == 0
    page = make_page(qtbot, services, front_desk)
    keys = Keyboard(qtbot)
    keys.ime(name)
    qtbot.waitUntil(page.resident_box.popup.isVisible)
    assert page.resident_box.popup.texts() == ["No resident found. F3: register a new resident"]
    keys.press(Qt.Key.Key_F3)
    dialog = page.resident_box.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.name_edit.text() == name  # what was typed is carried over
    dialog.phone_edit.setText("13912345678")
    dialog.save()
    qtbot.waitUntil(lambda: page.resident_box.dialog is None)

    assert page.resident is not None and page.resident.name == name
    new_id = page.resident.id
    assert page.card.name.text() == name
    assert page.card.values["phone"].text() == "139****5678"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.fields.category_edit)
    keys.type("lj")
    keys.press(Qt.Key.Key_Return)
    keys.ime("新搬来的住户，反映楼下垃圾无人清运。")
    keys.press(Qt.Key.Key_S, CTRL)
    detail = newest_request(services, front_desk, new_id)
    assert detail.resident_name == name
    assert detail.category_id == choice_id(page, GARBAGE)


# --- duplicates -------------------------------------------------------------------------
def test_a_recent_request_of_the_resident_shows_as_possible_duplicate(qtbot, services, front_desk):
    resident, _typed, _at = findable_resident(services, front_desk)
    page = make_page(qtbot, services, front_desk)
    earlier_id = services.requests.register(
        front_desk,
        RequestForm(
            resident_id=resident.id,
            channel="phone",
            category_id=choice_id(page, GARBAGE),
            description="垃圾没人清运",
        ),
    )
    earlier = services.requests.get(front_desk, earlier_id)

    page.choose_resident(resident.id)
    tree = page.duplicates_panel.tree
    numbers = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert earlier.number in numbers
    assert page.duplicates_panel.stack.currentWidget() is tree
    assert page.duplicates_panel.title.text() == f"Possible duplicates ({len(numbers)})"
    row = tree.topLevelItem(numbers.index(earlier.number))
    assert row.text(2) == GARBAGE and row.text(3) == "Registered"

    opened: list[int] = []
    page.sig_open_request.connect(opened.append)
    tree.itemActivated.emit(row, 0)
    assert opened == [earlier_id]

    # Nothing blocks registering another one.
    page.fields.set_category(choice_id(page, GARBAGE))
    page.fields.description_edit.setPlainText("又来反映：垃圾还是没人清运")
    assert page.save()
    assert newest_request(services, front_desk, resident.id).id != earlier_id


def test_no_duplicates_before_a_resident_is_chosen(qtbot, services, front_desk):
    page = make_page(qtbot, services, front_desk)
    assert page.duplicates_panel.stack.currentWidget() is page.duplicates_panel.empty
    assert page.duplicates_panel.empty.text() == "Shown here once the resident is chosen."
    assert page.card.stack.currentIndex() == 0  # the hint what to do first


# --- after saving: slip and attachments -------------------------------------------------
def test_ctrl_p_builds_the_slip_off_the_gui_thread_and_opens_the_preview(
    qtbot, monkeypatch, services, front_desk
):
    built_in: list[threading.Thread] = []
    write_slip = slip.write_slip

    def recording(*args, **kwargs):
        built_in.append(threading.current_thread())
        return write_slip(*args, **kwargs)

    monkeypatch.setattr(slip, "write_slip", recording)
    resident, _typed, _at = findable_resident(services, front_desk)
    previews = Previews()
    page = make_page(qtbot, services, front_desk, preview_factory=previews)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_P, CTRL)  # nothing registered yet: nothing to print
    assert previews.opened == [] and page.slip_task is None
    fill_minimum(page, resident.id)
    page.fields.set_department(choice_id(page, PROPERTY_OFFICE, department=True))
    assert page.save()
    keys.press(Qt.Key.Key_P, CTRL)

    qtbot.waitUntil(lambda: len(previews.opened) == 1)
    assert built_in and built_in[0] is not threading.main_thread()  # never on the GUI thread
    path, title = previews.opened[0]
    assert path.read_bytes()[:5] == b"%PDF-"
    assert page.last_number in title
    # Read with poppler-utils: skipped here without them on a developer's PC, fails under CI.
    text = pdf_text(path)
    assert_fonts_embedded(path)
    path.unlink()
    assert f"受理编号{page.last_number}" in text
    assert f"居民姓名{resident.name}" in text
    assert f"受理渠道窗口来访事项类别{GARBAGE.replace(' ', '')}承办部门{PROPERTY_OFFICE}" in text
    assert "受理时限" in text and "回访时限" in text


def test_the_slip_of_a_request_without_department_promises_no_dates(qtbot, services, front_desk):
    resident, _typed, _at = findable_resident(services, front_desk)
    page = make_page(qtbot, services, front_desk)
    fill_minimum(page, resident.id)
    assert page.save()
    data = slip_data(services.requests.get(front_desk, page.last_request_id), "幸福社区")
    assert data.department == "待派单"
    assert data.promised == []
    assert data.channel == "窗口来访"
    assert data.category == GARBAGE
    assert "*" in data.phone_masked


def test_attachments_are_stored_after_saving_and_a_failure_keeps_the_request(
    qtbot, services, front_desk, tmp_path
):
    resident, _typed, _at = findable_resident(services, front_desk)
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"x" * 1000)
    lost = tmp_path / "scan.pdf"
    lost.write_bytes(b"%PDF-1.4 scan")
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    page = make_page(
        qtbot, services, front_desk, file_picker=lambda parent: [str(photo), str(lost), str(empty)]
    )
    page.fields.add_files()
    assert page.fields.attachments == [photo, lost]
    assert page.message("attachments") == "empty.png is empty."
    assert page.fields.attach_label.text() == "2 file(s): photo.jpg、scan.pdf"
    fill_minimum(page, resident.id)
    lost.unlink()  # gone before it could be stored (a USB stick pulled out)
    assert page.save()

    detail = newest_request(services, front_desk, resident.id)
    assert [a.filename for a in detail.attachments] == ["photo.jpg"]
    assert page.saved_bar.property("tone") == "warning"
    assert detail.number in page.saved_text.text() and "scan.pdf" in page.saved_text.text()
    assert page.fields.attachments == [] and page.fields.attach_label.text() == "No files"


def test_esc_closes_the_list_then_undoes_the_typing(qtbot, services, front_desk):
    resident, typed, _at = findable_resident(services, front_desk)
    page = make_page(qtbot, services, front_desk)
    keys = Keyboard(qtbot)
    keys.type(typed)
    keys.press(Qt.Key.Key_Down)
    assert page.resident_box.popup.isVisible()
    keys.press(Qt.Key.Key_Escape)
    assert not page.resident_box.popup.isVisible() and page.resident_box.edit.text() == typed
    keys.press(Qt.Key.Key_Escape)
    assert page.resident_box.edit.text() == ""

    page.choose_resident(resident.id, advance=False)
    page.resident_box.edit.setFocus()
    keys.type("zzz")
    keys.press(Qt.Key.Key_Escape)  # back to the chosen resident
    assert page.resident_box.edit.text() == resident.name and page.resident.id == resident.id


def test_another_name_typed_but_not_picked_is_not_registered_for_the_first(qtbot, services, front_desk):
    resident, _typed, _at = findable_resident(services, front_desk)
    page = make_page(qtbot, services, front_desk)
    before = request_count(services, front_desk)
    fill_minimum(page, resident.id)
    page.resident_box.edit.setFocus()
    page.resident_box.edit.selectAll()
    Keyboard(qtbot).type("wxyz")
    assert not page.save()
    assert (
        page.message("resident") == "Pick the resident from the list (Enter), or press F3 to register them."
    )
    assert request_count(services, front_desk) == before


# --- issue #8: messages that go when fixed, the bar, the spin box, refreshes ----------------
def test_a_field_message_goes_as_soon_as_the_field_is_corrected(qtbot, services, front_desk):
    resident, _typed, _at = findable_resident(services, front_desk)
    page = make_page(qtbot, services, front_desk)
    assert not page.save()
    assert page.message("resident") and page.message("category") and page.message("description")
    page.choose_resident(resident.id, advance=False)
    assert page.message("resident") == ""  # at once
    assert page.message("description") != ""  # the others stay until their field is right
    page.fields.description_edit.setFocus()
    Keyboard(qtbot).ime("楼道里堆满杂物")
    qtbot.waitUntil(lambda: page.message("description") == "")
    assert page.message("category") == "Choose a category."
    page.fields.category_edit.setFocus()
    Keyboard(qtbot).type("zzzz")  # still wrong: its message stays, saying what is wrong now
    qtbot.waitUntil(lambda: page.message("category") == "Pick a category from the list.")
    assert page.message("department") == ""  # and no new message appears elsewhere
    page.fields.set_category(choice_id(page, GARBAGE))
    assert page.message("category") == ""


def test_new_errors_hide_the_bar_of_the_last_registration(qtbot, services, front_desk):
    resident, _typed, _at = findable_resident(services, front_desk)
    page = make_page(qtbot, services, front_desk)
    fill_minimum(page, resident.id)
    assert page.save()
    assert page.saved_bar.isVisible() and page.saved_bar.property("tone") == "ok"
    assert not page.save()  # the empty form: red messages under the fields …
    assert page.message("resident")
    assert page.saved_bar.isHidden()  # … and no green "registered" beside them
    fill_minimum(page, resident.id)
    assert page.save() and page.saved_bar.isVisible()


def test_the_visitors_spin_box_shows_whole_arrows(qtbot, services, front_desk):
    """At 150 % Qt scales device pixels, so the sizes in logical pixels checked here are
    those of every scale (the screenshots are looked at for both)."""
    page = make_page(qtbot, services, front_desk)
    spin = page.fields.head_spin
    assert spin.height() >= spin.sizeHint().height()
    assert spin.buttonSymbols() != QAbstractSpinBox.ButtonSymbols.NoButtons
    option = QStyleOptionSpinBox()
    spin.initStyleOption(option)
    style = spin.style()
    field = style.subControlRect(
        QStyle.ComplexControl.CC_SpinBox, option, QStyle.SubControl.SC_SpinBoxEditField, spin
    )
    assert field.height() >= spin.fontMetrics().height()
    for control in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
        button = style.subControlRect(QStyle.ComplexControl.CC_SpinBox, option, control, spin)
        assert button.width() >= 12 and button.height() >= 10, (control, button)
        assert spin.rect().contains(button), (control, button)  # nothing cut off


def test_a_change_elsewhere_never_clears_a_half_filled_form(qtbot, services, front_desk, admin):
    from desktop.requests.catalogue import CatalogueService

    resident, _typed, _at = findable_resident(services, front_desk)
    hub = ChangeHub()
    hub.attach(services.db.changes)
    page = make_page(qtbot, services, front_desk, hub=hub)
    page.choose_resident(resident.id, advance=False)
    page.fields.set_category(choice_id(page, GARBAGE))
    page.fields.description_edit.setPlainText("楼道里堆满杂物")
    page.fields.head_spin.setValue(3)
    page.fields.department_edit.setFocus()
    Keyboard(qtbot).type("wy")  # half typed, nothing picked yet
    CatalogueService(services.db).add_category(admin, "新增分类")  # the administrator, meanwhile
    qtbot.waitUntil(lambda: any(c.label == "新增分类" for c in page.fields.categories))
    assert page.resident is not None and page.resident.id == resident.id
    assert page.fields.category_id == choice_id(page, GARBAGE)
    assert page.fields.description_edit.toPlainText() == "楼道里堆满杂物"
    assert page.fields.department_edit.text() == "wy" and page.fields.head_spin.value() == 3
    hub.detach_all()


def test_actions_other_jobs_offer_run_on_the_chosen_resident_with_the_typed_description(
    qtbot, services, front_desk
):
    """The hook the shell wires 居民点单 into: a button and a key, enabled once a resident is
    chosen, handed the resident and the description typed so far; the form is kept."""
    from ui.requests.reception_page import ResidentAction

    ran: list[tuple[int, str]] = []
    action = ResidentAction("点单", "为该居民点单", "Ctrl+D", lambda rid, text: ran.append((rid, text)))
    page = make_page(qtbot, services, front_desk, extra_actions=[action])
    [button] = page.extra_buttons
    assert button.text() == "点单 (Ctrl+D)" and button.toolTip() == "为该居民点单"
    assert not button.isEnabled()
    qtbot.keyClick(page.resident_box.edit, Qt.Key.Key_D, CTRL)
    assert ran == [] and page.message("resident")  # choose the resident first

    resident, _typed, _at = findable_resident(services, front_desk)
    page.choose_resident(resident.id)
    assert button.isEnabled()
    page.fields.description_edit.setPlainText("  楼道灯坏了  ")
    qtbot.keyClick(page.fields.description_edit, Qt.Key.Key_D, CTRL)
    button.click()
    assert ran == [(resident.id, "楼道灯坏了")] * 2
    assert page.resident is not None and page.resident.id == resident.id  # nothing cleared
    page.clear_form()
    assert not button.isEnabled()
