"""The one chart adapter: draws bars, a ring and lines from the Qt-free series, says
which category was clicked, and shows an empty chart as 本期无数据."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.reports.charts import BAR, LINE, PIE, Chart, Series
from ui.reports.charts import ChartView, nice_ceiling, number_text


def chart(kind: str, values: tuple[float | None, ...], *, keys=None, two=False) -> Chart:
    n = len(values)
    series = (Series("本期", values),) + ((Series("上期", tuple(reversed(values))),) if two else ())
    return Chart(
        "test",
        kind,
        "测试图表",
        "件",
        tuple(f"类别{i}" for i in range(n)),
        keys if keys is not None else tuple(range(100, 100 + n)),
        series,
    )


def view(qtbot, c: Chart | None, size=(480, 260)) -> ChartView:
    v = ChartView()
    qtbot.addWidget(v)
    v.resize(*size)
    v.set_chart(c)
    v.show()
    qtbot.waitExposed(v)
    return v


@pytest.mark.parametrize("kind", [BAR, PIE, LINE])
def test_every_category_can_be_clicked_and_names_its_key(qtbot, kind):
    v = view(qtbot, chart(kind, (5.0, 3.0, 1.0, 8.0), two=kind != PIE))
    assert not v.grab().isNull()
    for index in range(4):
        assert v.category_at(v.category_point(index)) == index
        with qtbot.waitSignal(v.sig_activated) as got:
            qtbot.mouseClick(v, Qt.MouseButton.LeftButton, pos=v.category_point(index))
        assert got.args == [100 + index]
    assert v.tip(0).startswith("类别0")


def test_a_category_without_a_key_is_not_clicked(qtbot):
    v = view(qtbot, chart(BAR, (5.0, 3.0), keys=(None, 7)))
    fired: list[object] = []
    v.sig_activated.connect(fired.append)
    qtbot.mouseClick(v, Qt.MouseButton.LeftButton, pos=v.category_point(0))
    qtbot.mouseClick(v, Qt.MouseButton.LeftButton, pos=v.category_point(1))
    assert fired == [7]


@pytest.mark.parametrize("kind", [BAR, PIE, LINE])
def test_an_empty_chart_says_so(qtbot, kind):
    v = view(qtbot, chart(kind, (0.0, 0.0, None)))
    assert v.is_empty and not v.clickable
    assert v.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert v.category_at(QPoint(200, 150)) is None
    assert v.empty_text() == "No data for this period"
    assert not v.grab().isNull()
    nothing = view(qtbot, None)
    assert nothing.is_empty and not nothing.grab().isNull()


def test_too_many_bars_for_the_room_are_counted_not_squeezed(qtbot):
    v = view(qtbot, chart(BAR, tuple(float(n) for n in range(30, 0, -1))), size=(480, 220))
    assert 0 < v.hidden_count() < 30
    shown = 30 - v.hidden_count()
    assert v.category_at(v.category_point(shown - 1)) == shown - 1
    assert not v.grab().isNull()


def test_the_keyboard_walks_the_categories(qtbot):
    v = view(qtbot, chart(PIE, (2.0, 1.0, 4.0)))
    assert v.focusPolicy() == Qt.FocusPolicy.StrongFocus
    v.setFocus()
    fired: list[object] = []
    v.sig_activated.connect(fired.append)
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Return):
        qtbot.keyClick(v, key)
    assert fired == [100]


def test_numbers_and_axes():
    assert number_text(None) == "—"
    assert number_text(1234.0) == "1,234"
    assert number_text(75.25, "%") == "75.2%"
    assert number_text(32.5) == "32.5"
    assert [nice_ceiling(x) for x in (0, 0.7, 3, 178, 2471)] == [1.0, 1.0, 5, 200, 2500]
