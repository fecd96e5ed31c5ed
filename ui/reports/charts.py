"""The one on-screen chart adapter: draws a Qt-free :class:`desktop.reports.charts.Chart`
(bars, a pie, lines) with QPainter, and says which category was clicked.

Why plain QPainter rather than a chart library:

* **Qt Charts** is deprecated since Qt 6.10. It still ships in PySide6-Addons and paints
  with QPainter, but a start page built on it is a forced rewrite later, and a
  deprecation that becomes a runtime warning in a later PySide6 would fail every test
  (Qt warnings fail them).
* **Qt Graphs** draws its 2D charts with Qt Quick (a QQuickWidget: an OpenGL / Direct3D
  scene graph). The centres' old office PCs often have weak or broken graphics drivers:
  a slow software fallback or an empty widget.
* **pyqtgraph** adds numpy-based plotting of its own look for what are three simple
  kinds of chart.

The reports need horizontal bars (long Chinese names read best on the left), a ring
and a few lines, with Chinese labels, an empty state, a hover tip and a click (or Enter)
that names what was clicked. A few hundred lines of QPainter do that on the CPU raster
engine every Windows PC has, in the application's font and palette, crisp at any scale
factor, with no warnings and nothing to deploy.

Everything chart-specific is here: pages only call :meth:`ChartView.set_chart` and
listen to ``sig_activated(key)``, so a later swap (to Qt Graphs once the PCs can) touches
this one file. The series come from :mod:`desktop.reports.charts`, the module the PDF's
charts are made from, so screen and paper draw the same numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from desktop.reports.charts import BAR, LINE, PIE, Chart
from desktop.reports.wording import NO_DATA
from ui.widgets.i18n import Translator, desktop_text
from ui.widgets.palette import AMBER, BLUE, DISABLED, FADED, GOLD, GREEN, INK, MUTED, RED

_ = Translator("reports")

BAR_COLOURS = (BLUE, DISABLED, GREEN, AMBER)
"""The period in blue, the one compared with (上期) in grey."""
LINE_COLOURS = (BLUE, GREEN, AMBER, RED)
PIE_COLOURS = (BLUE, GREEN, AMBER, RED, GOLD, INK, MUTED, FADED, DISABLED)
MARGIN = 10
GAP = 8


def number_text(value: float | None, unit: str = "") -> str:
    """A chart's value: 1,234 · 75.2% · 32.5 (— for nothing)."""
    if value is None:
        return "—"
    if unit == "%":
        return f"{value:.1f}%"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"


def nice_ceiling(value: float) -> float:
    """The round number at or above ``value`` an axis ends at (1, 2, 2.5, 5, 10 × 10ⁿ)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


@dataclass
class _Layout:
    """Where everything of one chart goes at one size (the hit areas by category)."""

    hits: list[QPainterPath] = field(default_factory=list)
    hidden: int = 0  # bars left out for want of room


class ChartView(QWidget):
    """One chart: bars (horizontal), a ring or lines, with its title and legend.

    A category with a key (``Chart.keys``) other than None can be clicked — or reached
    with the arrow keys and chosen with Enter — which emits ``sig_activated(key)``; the
    page turns the key into the list it opens. A chart with nothing to show says so
    (本期无数据) instead of drawing empty axes.

    Signals:
        sig_activated(object): the key of the category the user chose.
    """

    sig_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, clickable: bool = True):
        super().__init__(parent)
        self._chart: Chart | None = None
        self._title = ""
        self._clickable = clickable
        self._hover: int | None = None
        self._current: int | None = None
        self._layout_cache: tuple[tuple[int, int], _Layout] | None = None
        self.setMouseTracking(True)
        self.setMinimumSize(260, 180)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    # --- what is shown ------------------------------------------------------------------------
    def set_chart(self, chart: Chart | None, title: str | None = None) -> None:
        """Show ``chart`` (None: nothing yet) under ``title`` (default: the chart's own)."""
        if chart is None or self._chart is None or chart.categories != self._chart.categories:
            self._current = None
            self._hover = None
        self._chart = chart
        self._title = title if title is not None else (chart.title if chart else "")
        self._layout_cache = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if self.clickable else Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor if self.clickable else Qt.CursorShape.ArrowCursor)
        self.update()

    @property
    def chart(self) -> Chart | None:
        return self._chart

    @property
    def title(self) -> str:
        return self._title

    @property
    def is_empty(self) -> bool:
        return self._chart is None or self._chart.is_empty or not self._chart.categories

    @property
    def clickable(self) -> bool:
        return self._clickable and not self.is_empty and any(k is not None for k in self._keys())

    def empty_text(self) -> str:
        return desktop_text(NO_DATA)

    def hidden_count(self) -> int:
        """Categories left out because the chart is too small to show them all."""
        return self._layout().hidden

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(480, 260)

    def _keys(self) -> tuple[object, ...]:
        return self._chart.keys if self._chart is not None else ()

    # --- hit testing --------------------------------------------------------------------------
    def category_at(self, pos: QPointF | QPoint) -> int | None:
        """The category under ``pos`` (widget coordinates), if any."""
        point = QPointF(pos)
        for index, area in enumerate(self._layout().hits):
            if area.contains(point):
                return index
        return None

    def category_point(self, index: int) -> QPoint:
        """A point inside category ``index``'s area (what a test clicks)."""
        area = self._layout().hits[index]
        centre = area.boundingRect().center()
        if area.contains(centre):
            return centre.toPoint()
        # A ring's slice: a point half-way along its middle radius.
        rect = area.boundingRect()
        for fx in (0.5, 0.25, 0.75, 0.1, 0.9):
            for fy in (0.5, 0.25, 0.75, 0.1, 0.9):
                p = QPointF(rect.left() + fx * rect.width(), rect.top() + fy * rect.height())
                if area.contains(p):
                    return p.toPoint()
        return centre.toPoint()

    def activate(self, index: int) -> None:
        """Choose category ``index`` (as a click does): emits its key when it has one."""
        keys = self._keys()
        if self._clickable and 0 <= index < len(keys) and keys[index] is not None:
            self.sig_activated.emit(keys[index])

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        index = self.category_at(event.position())
        if index != self._hover:
            self._hover = index
            self.update()
        if index is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self.tip(index), self)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.category_at(event.position())
            if index is not None:
                self._current = index
                self.update()
                self.activate(index)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        count = len(self._layout().hits)
        key = event.key()
        if not self.clickable or not count:
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self._current = 0 if self._current is None else min(self._current + 1, count - 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self._current = 0 if self._current is None else max(self._current - 1, 0)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._current is not None:
            self.activate(self._current)
            return
        else:
            super().keyPressEvent(event)
            return
        self.update()

    def tip(self, index: int) -> str:
        """The hover text of a category: its name and every series' value."""
        chart = self._chart
        if chart is None:
            return ""
        lines = [chart.categories[index]]
        for s in chart.series:
            value = s.values[index] if index < len(s.values) else None
            lines.append(f"{s.name}：{number_text(value, chart.unit)}")
        if chart.kind == PIE:
            total = sum(v or 0 for v in chart.series[0].values)
            value = chart.series[0].values[index] or 0
            if total:
                lines.append(_("Share: {share}", share=f"{100 * value / total:.1f}%"))
        return "\n".join(lines)

    # --- layout -------------------------------------------------------------------------------
    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
        return font

    def _plot_rect(self) -> QRectF:
        """The area under the title (and the legend of a bar or line chart)."""
        top = MARGIN + QFontMetrics(self._title_font()).height() + GAP
        chart = self._chart
        if chart is not None and chart.kind in (BAR, LINE) and len(chart.series) > 1:
            top += QFontMetrics(self._small_font()).height() + GAP // 2
        return QRectF(MARGIN, top, max(self.width() - 2 * MARGIN, 1), max(self.height() - top - MARGIN, 1))

    def _layout(self) -> _Layout:
        size = (self.width(), self.height())
        if self._layout_cache is not None and self._layout_cache[0] == size:
            return self._layout_cache[1]
        layout = _Layout()
        if not self.is_empty:
            assert self._chart is not None
            {BAR: self._bar_layout, PIE: self._pie_layout, LINE: self._line_layout}[self._chart.kind](layout)
        self._layout_cache = (size, layout)
        return layout

    def _bar_geometry(self) -> tuple[QRectF, float, float, int]:
        """(plot, label width, row height, rows shown) of a bar chart."""
        assert self._chart is not None
        plot = self._plot_rect()
        fm = QFontMetrics(self.font())
        widest = max((fm.horizontalAdvance(c) for c in self._chart.categories), default=0)
        label_width = min(widest + GAP, plot.width() * 0.38)
        row_min = fm.height() + 4
        shown = max(1, min(len(self._chart.categories), int(plot.height() // row_min)))
        if shown < len(self._chart.categories):  # room for the "N more" line
            shown = max(1, int((plot.height() - fm.height()) // row_min))
        row = min(plot.height() / max(shown, 1), 3.2 * fm.height())
        return plot, label_width, row, shown

    def _bar_layout(self, layout: _Layout) -> None:
        assert self._chart is not None
        plot, _label, row, shown = self._bar_geometry()
        for i in range(len(self._chart.categories)):
            path = QPainterPath()
            if i < shown:
                path.addRect(QRectF(plot.left(), plot.top() + i * row, plot.width(), row))
            layout.hits.append(path)
        layout.hidden = len(self._chart.categories) - shown

    def _pie_geometry(self) -> tuple[QRectF, QRectF]:
        """(the ring's square, the legend's area) of a pie chart."""
        plot = self._plot_rect()
        side = max(min(plot.height(), plot.width() * 0.45), 10)
        ring = QRectF(plot.left(), plot.top() + (plot.height() - side) / 2, side, side)
        legend = QRectF(
            ring.right() + 2 * GAP, plot.top(), plot.right() - ring.right() - 2 * GAP, plot.height()
        )
        return ring, legend

    def _pie_angles(self) -> list[tuple[float, float]]:
        """(start, span) in degrees of each slice, clockwise from twelve o'clock."""
        assert self._chart is not None
        values = [max(v or 0.0, 0.0) for v in self._chart.series[0].values]
        total = sum(values) or 1.0
        out, start = [], 90.0
        for v in values:
            span = -360.0 * v / total
            out.append((start, span))
            start += span
        return out

    def _legend_rows(self, legend: QRectF) -> list[QRectF]:
        assert self._chart is not None
        fm = QFontMetrics(self.font())
        n = len(self._chart.categories)
        row = min(fm.height() + 8, legend.height() / max(n, 1))
        top = legend.top() + max((legend.height() - n * row) / 2, 0)
        return [QRectF(legend.left(), top + i * row, legend.width(), row) for i in range(n)]

    def _pie_layout(self, layout: _Layout) -> None:
        ring, legend = self._pie_geometry()
        rows = self._legend_rows(legend)
        inner = ring.adjusted(
            ring.width() * 0.22, ring.height() * 0.22, -ring.width() * 0.22, -ring.height() * 0.22
        )
        for (start, span), row in zip(self._pie_angles(), rows, strict=True):
            path = QPainterPath()
            if span:
                path.moveTo(ring.center())
                path.arcTo(ring, start, span)
                path.closeSubpath()
                hole = QPainterPath()
                hole.addEllipse(inner)
                path = path.subtracted(hole)
            path.addRect(row)
            layout.hits.append(path)

    def _line_geometry(self) -> tuple[QRectF, float, float]:
        """(plot area inside the axes, x step, axis maximum) of a line chart."""
        assert self._chart is not None
        plot = self._plot_rect()
        fm = QFontMetrics(self._small_font())
        values = [v for s in self._chart.series for v in s.values if v is not None]
        top = nice_ceiling(max(values, default=0.0))
        axis = max(fm.horizontalAdvance(number_text(top, self._chart.unit)), fm.horizontalAdvance("0")) + GAP
        inner = QRectF(plot.left() + axis, plot.top() + fm.height() / 2, plot.width() - axis - GAP, 0)
        inner.setBottom(plot.bottom() - fm.height() - GAP / 2)
        n = len(self._chart.categories)
        step = inner.width() / max(n, 1)
        return inner, step, top

    def _line_layout(self, layout: _Layout) -> None:
        assert self._chart is not None
        inner, step, _top = self._line_geometry()
        for i in range(len(self._chart.categories)):
            path = QPainterPath()
            path.addRect(QRectF(inner.left() + i * step, inner.top(), step, inner.height()))
            layout.hits.append(path)

    # --- painting -----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        fm = QFontMetrics(self._title_font())
        painter.setFont(self._title_font())
        painter.setPen(QColor(INK))
        title_rect = QRectF(MARGIN, MARGIN, self.width() - 2 * MARGIN, fm.height())
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(self._title, Qt.TextElideMode.ElideRight, int(title_rect.width())),
        )
        painter.setFont(self.font())
        if self.is_empty:
            painter.setPen(QColor(MUTED))
            painter.drawText(self._plot_rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text())
        else:
            assert self._chart is not None
            {BAR: self._paint_bars, PIE: self._paint_pie, LINE: self._paint_lines}[self._chart.kind](painter)
        if self.hasFocus():
            pen = QPen(QColor(BLUE))
            pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -2, -2))
        painter.end()

    def _marked(self) -> set[int]:
        return {i for i in (self._hover, self._current if self.hasFocus() else None) if i is not None}

    def _paint_legend(self, painter: QPainter, colours: tuple[str, ...]) -> None:
        assert self._chart is not None
        if len(self._chart.series) < 2:
            return
        painter.setFont(self._small_font())
        fm = QFontMetrics(self._small_font())
        y = MARGIN + QFontMetrics(self._title_font()).height() + GAP / 2
        x = float(self.width() - MARGIN)
        for i in reversed(range(len(self._chart.series))):
            name = self._chart.series[i].name
            x -= fm.horizontalAdvance(name)
            painter.setPen(QColor(MUTED))
            painter.drawText(QPointF(x, y + fm.ascent()), name)
            x -= fm.height() * 0.8 + 4
            painter.fillRect(
                QRectF(x, y + fm.height() * 0.15, fm.height() * 0.8, fm.height() * 0.7),
                QColor(colours[i % len(colours)]),
            )
            x -= 3 * GAP
        painter.setFont(self.font())

    def _paint_bars(self, painter: QPainter) -> None:
        assert self._chart is not None
        chart = self._chart
        plot, label_width, row, shown = self._bar_geometry()
        fm = QFontMetrics(self.font())
        small = QFontMetrics(self._small_font())
        values = [v for s in chart.series for v in s.values[:shown] if v is not None]
        top = max(values, default=0.0) or 1.0
        value_width = max(small.horizontalAdvance(number_text(v, chart.unit)) for v in values or [0.0]) + GAP
        bar_left = plot.left() + label_width
        bar_room = max(plot.width() - label_width - value_width, 1)
        n_series = len(chart.series)
        band = min(row * 0.72, fm.height() * 1.1 * n_series)
        marked = self._marked()
        for i in range(shown):
            y = plot.top() + i * row
            if i in marked:
                painter.fillRect(QRectF(plot.left(), y, plot.width(), row), QColor(BLUE).lighter(185))
            painter.setPen(QColor(INK))
            label = fm.elidedText(chart.categories[i], Qt.TextElideMode.ElideMiddle, int(label_width - GAP))
            painter.drawText(
                QRectF(plot.left(), y, label_width - GAP, row),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            bar_height = band / n_series
            first = y + (row - band) / 2
            painter.setFont(self._small_font())
            for s, series in enumerate(chart.series):
                value = series.values[i] if i < len(series.values) else None
                by = first + s * bar_height
                length = bar_room * max(value or 0.0, 0.0) / top
                colour = QColor(BAR_COLOURS[s % len(BAR_COLOURS)])
                painter.fillRect(QRectF(bar_left, by + 1, max(length, 1.0), bar_height - 2), colour)
                painter.setPen(QColor(MUTED if s else INK))
                painter.drawText(
                    QRectF(bar_left + length + 4, by, value_width, bar_height),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    number_text(value, chart.unit),
                )
            painter.setFont(self.font())
        hidden = len(chart.categories) - shown
        if hidden > 0:
            painter.setPen(QColor(MUTED))
            painter.setFont(self._small_font())
            painter.drawText(
                QRectF(plot.left(), plot.top() + shown * row, plot.width(), small.height() + 4),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                _("{n} more not shown", n=hidden),
            )
            painter.setFont(self.font())
        self._paint_legend(painter, BAR_COLOURS)

    def _paint_pie(self, painter: QPainter) -> None:
        assert self._chart is not None
        chart = self._chart
        ring, legend = self._pie_geometry()
        values = [max(v or 0.0, 0.0) for v in chart.series[0].values]
        total = sum(values)
        hits = self._layout().hits
        marked = self._marked()
        painter.setPen(QPen(QColor("white"), 1.5))
        for i, (start, span) in enumerate(self._pie_angles()):
            if not span:
                continue
            colour = QColor(PIE_COLOURS[i % len(PIE_COLOURS)])
            if i in marked:
                colour = colour.darker(115)
            slice_path = QPainterPath()
            slice_path.moveTo(ring.center())
            slice_path.arcTo(ring, start, span)
            slice_path.closeSubpath()
            painter.setBrush(colour)
            painter.drawPath(slice_path.intersected(hits[i]))
        # The total in the hole.
        painter.setPen(QColor(INK))
        painter.setFont(self._title_font())
        painter.drawText(ring, Qt.AlignmentFlag.AlignCenter, number_text(total, chart.unit))
        painter.setFont(self.font())
        fm = QFontMetrics(self.font())
        for i, row in enumerate(self._legend_rows(legend)):
            if i in marked:
                painter.fillRect(row, QColor(BLUE).lighter(185))
            swatch = QRectF(
                row.left(), row.center().y() - fm.height() * 0.35, fm.height() * 0.7, fm.height() * 0.7
            )
            painter.fillRect(swatch, QColor(PIE_COLOURS[i % len(PIE_COLOURS)]))
            share = f"{100 * values[i] / total:.1f}%" if total else "—"
            figures = f"{number_text(values[i], chart.unit)}  {share}"
            figures_width = fm.horizontalAdvance(figures)
            name_room = int(row.width() - swatch.width() - GAP - figures_width - GAP)
            painter.setPen(QColor(INK))
            painter.drawText(
                QRectF(swatch.right() + GAP, row.top(), max(name_room, 0), row.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(chart.categories[i], Qt.TextElideMode.ElideRight, max(name_room, 0)),
            )
            painter.setPen(QColor(MUTED))
            painter.drawText(row, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, figures)

    def _paint_lines(self, painter: QPainter) -> None:
        assert self._chart is not None
        chart = self._chart
        inner, step, top = self._line_geometry()
        small = QFontMetrics(self._small_font())
        painter.setFont(self._small_font())
        grid = QColor(DISABLED)
        grid.setAlpha(90)
        for k in range(5):  # the value axis: 0 … top in four steps
            value = top * k / 4
            y = inner.bottom() - inner.height() * k / 4
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(inner.left(), y), QPointF(inner.right(), y))
            painter.setPen(QColor(MUTED))
            painter.drawText(
                QRectF(0, y - small.height() / 2, inner.left() - 4, small.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                number_text(value, chart.unit),
            )
        n = len(chart.categories)
        widest = max(small.horizontalAdvance(c) for c in chart.categories) + 4
        every = max(1, math.ceil(widest / max(step, 1)))
        marked = self._marked()
        for i, name in enumerate(chart.categories):
            x = inner.left() + (i + 0.5) * step
            if i in marked:
                painter.fillRect(
                    QRectF(x - step / 2, inner.top(), step, inner.height()), QColor(BLUE).lighter(190)
                )
            if (n - 1 - i) % every == 0:  # the latest month is always labelled
                painter.setPen(QColor(MUTED))
                painter.drawText(
                    QRectF(x - step * every / 2, inner.bottom() + 2, step * every, small.height() + 2),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    name,
                )
        for s, series in enumerate(chart.series):
            colour = QColor(LINE_COLOURS[s % len(LINE_COLOURS)])
            painter.setPen(QPen(colour, 2))
            previous: QPointF | None = None
            points = []
            for i, v in enumerate(series.values):
                if v is None:
                    previous = None
                    continue
                point = QPointF(inner.left() + (i + 0.5) * step, inner.bottom() - inner.height() * v / top)
                if previous is not None:
                    painter.drawLine(previous, point)
                previous = point
                points.append(point)
            painter.setBrush(colour)
            for point in points:
                painter.drawEllipse(point, 3, 3)
        painter.setFont(self.font())
        self._paint_legend(painter, LINE_COLOURS)


__all__ = ["ChartView", "nice_ceiling", "number_text"]
