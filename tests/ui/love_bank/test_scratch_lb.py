from ui.love_bank.volunteer_dialogs import AdjustDialog
from ui.widgets.style import apply_style  # noqa
from tests.ui.love_bank.test_love_bank_ui import new_volunteers
from PySide6.QtWidgets import QApplication

def test_x(qtbot, services, coordinator):
    import ui.widgets.style as st
    print([n for n in dir(st) if not n.startswith('_')])
    app = QApplication.instance(); apply_style(app)
    (vid,) = new_volunteers(services, coordinator, 1)
    v = services.love_bank.volunteer(coordinator, vid)
    d = AdjustDialog(services.love_bank, coordinator, v)
    qtbot.addWidget(d)
    d.show(); qtbot.waitExposed(d)
    print("size", d.size(), d.sizeHint(), d.minimumSizeHint())
    print("points", d.points_edit.geometry(), d.points_edit.sizeHint())
    d.points_edit.setText("-100")
    d.reason_edit.setText("x")
    d._submit()
    for _ in range(5): app.processEvents()
    print("msg", d.message.text(), d.message.isVisible())
    print("size", d.size(), d.sizeHint(), d.minimumSizeHint())
    print("points", d.points_edit.geometry(), d.points_edit.sizeHint())
    print("reason", d.reason_edit.geometry())
    d.points_edit.setText("1.5"); d.reason_edit.setText("")
    d._submit()
    for _ in range(5): app.processEvents()
    print("size", d.size(), d.sizeHint(), d.minimumSizeHint())
    print("points", d.points_edit.geometry(), d.points_edit.sizeHint())
    print("reason", d.reason_edit.geometry())
    print(d.boxes["points"].error.text(), d.boxes["points"].error.geometry())
