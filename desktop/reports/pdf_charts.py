"""The report's charts drawn with ``reportlab.graphics``: bars, pies and lines.

ReportLab draws any label whose font is not set in Helvetica, which is not embedded, so
every label here names a font of the chain: axis numbers and month labels the primary
font, and every text that comes from the data (a category, a department, a volunteer's
name) is drawn run by run in the font that has each character — a rare character in a
name prints like everywhere else. An empty chart is never drawn: the caller prints
"本期无数据" in its place (a pie of nothing or an axis from 0 to 0 would fail).

Imported only when a PDF is built (ReportLab).
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.printing.fonts import FontChain
from desktop.printing.page import MM
from desktop.reports.charts import Chart

PALETTE = ("#2f6fb0", "#e08a2c", "#4b9e5f", "#c0504d", "#8064a2", "#4bacc6", "#9b8b3e", "#7f7f7f")
INK = colors.HexColor("#222222")
GRID = colors.HexColor("#cccccc")
LABEL_SIZE = 7.5
TITLE_SIZE = 9
LEGEND_SIZE = 7.5


def colour(i: int) -> colors.Color:
    return colors.HexColor(PALETTE[i % len(PALETTE)])


def text(
    chain: FontChain, value: str, x: float, y: float, size: float, anchor: str = "start", fill=INK
) -> Group:
    """``value`` as Strings, one per font run, anchored at ``x`` (start, middle or end)."""
    runs = chain.runs(value)
    widths = [stringWidth(run, font.name, size) for font, run in runs]
    x -= {"start": 0, "middle": sum(widths) / 2, "end": sum(widths)}[anchor]
    group = Group()
    for (font, run), w in zip(runs, widths, strict=True):
        group.add(String(x, y, run, fontName=font.name, fontSize=size, fillColor=fill))
        x += w
    return group


def fitted(chain: FontChain, value: str, size: float, width: float) -> str:
    """``value`` cut with "…" to fit ``width`` points."""

    def measure(s: str) -> float:
        return sum(stringWidth(run, font.name, size) for font, run in chain.runs(s))

    if measure(value) <= width:
        return value
    while value and measure(value + "…") > width:
        value = value[:-1]
    return value + "…"


def _drawing(chain: FontChain, width: float, height: float) -> Drawing:
    # The renderer's starting font would otherwise be Helvetica (referenced, not embedded).
    drawing = Drawing(width, height)
    drawing.initialFontName = chain.primary.name
    return drawing


def _title(chain: FontChain, chart: Chart, drawing: Drawing, width: float) -> None:
    unit = f"（单位：{chart.unit}）" if chart.unit else ""
    drawing.add(
        text(chain, chart.title + unit, width / 2, drawing.height - TITLE_SIZE - 2, TITLE_SIZE, "middle")
    )


def _legend(chain: FontChain, names: list[str], drawing: Drawing, x: float, y: float) -> None:
    for i, name in enumerate(names):
        drawing.add(Rect(x, y + i * -11, 7, 7, fillColor=colour(i), strokeColor=None))
        drawing.add(text(chain, name, x + 10, y + i * -11 + 0.5, LEGEND_SIZE))


def _value_axis(axis, font: str, top: float) -> None:
    axis.labels.fontName = font
    axis.labels.fontSize = LABEL_SIZE
    axis.valueMin = 0
    axis.valueMax = top
    axis.strokeColor = GRID
    axis.gridStrokeColor = GRID
    axis.visibleGrid = True


def _nice_top(largest: float, unit: str) -> float:
    if unit in ("%", "分") and largest <= 100:
        return 100.0
    if largest <= 0:
        return 1.0
    step = 10 ** max(0, len(str(int(largest))) - 1)
    return float((int(largest / step) + 1) * step)


def bar_chart(chart: Chart, chain: FontChain, width: float) -> Drawing:
    """Horizontal bars, one group per category (labels on the left, drawn run by run)."""
    font = chain.primary.name
    rows = len(chart.categories)
    series = len(chart.series)
    bar_space = 9 * series + 4
    label_width = min(45 * MM, width * 0.32)
    height = max(40 * MM, rows * bar_space + 30)
    drawing = _drawing(chain, width, height)
    _title(chain, chart, drawing, width)
    plot = HorizontalBarChart()
    plot.x, plot.y = label_width + 4, 18
    plot.width = width - label_width - 40 - (60 if series > 1 else 0)
    plot.height = height - 18 - TITLE_SIZE - 10
    # Bars top to bottom in the order given: ReportLab draws the first category lowest.
    plot.data = [tuple(0 if v is None else v for v in reversed(s.values)) for s in chart.series]
    plot.categoryAxis.categoryNames = [""] * rows
    plot.categoryAxis.labels.fontName = font
    plot.categoryAxis.strokeColor = GRID
    largest = max((v or 0) for s in chart.series for v in s.values)
    _value_axis(plot.valueAxis, font, _nice_top(largest, chart.unit))
    plot.barLabels.fontName = font
    plot.barLabels.fontSize = LABEL_SIZE - 0.5
    number = "{:.1f}" if chart.unit in ("%", "分", "小时") else "{:,.0f}"
    # A blank (nothing to measure) gets no bar and no "0" beside it.
    plot.barLabelFormat = "values"
    plot.barLabelArray = [
        tuple("" if v is None else number.format(v) for v in reversed(s.values)) for s in chart.series
    ]
    plot.barLabels.boxAnchor = "w"
    plot.barLabels.dx = 2
    for i in range(series):
        plot.bars[i].fillColor = colour(i)
        plot.bars[i].strokeColor = None
    plot.groupSpacing = 4
    plot.barSpacing = 1
    drawing.add(plot)
    step = plot.height / max(rows, 1)
    for i, name in enumerate(chart.categories):
        y = plot.y + plot.height - (i + 0.5) * step - LABEL_SIZE / 3
        drawing.add(
            text(chain, fitted(chain, name, LABEL_SIZE, label_width), label_width, y, LABEL_SIZE, "end")
        )
    if series > 1:
        _legend(chain, [s.name for s in chart.series], drawing, width - 55, plot.y + plot.height - 8)
    return drawing


def pie_chart(chart: Chart, chain: FontChain, width: float) -> Drawing:
    """A pie with a legend of names, counts and shares beside it."""
    values = [v or 0 for v in chart.series[0].values]
    total = sum(values)
    height = max(45 * MM, 14 * len(values) + 40)
    drawing = _drawing(chain, width, height)
    _title(chain, chart, drawing, width)
    size = min(height - TITLE_SIZE - 20, width * 0.4)
    pie = Pie()
    pie.x, pie.y = 20, (height - TITLE_SIZE - 10 - size) / 2
    pie.width = pie.height = size
    pie.data = values
    pie.labels = None
    pie.slices.fontName = chain.primary.name
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 0.5
    for i in range(len(values)):
        pie.slices[i].fillColor = colour(i)
    drawing.add(pie)
    names = [
        f"{name}  {value:,.0f}（{100 * value / total:.1f}%）" if total else name
        for name, value in zip(chart.categories, values, strict=True)
    ]
    _legend(chain, names, drawing, 40 + size, pie.y + size - 8)
    return drawing


def line_chart(chart: Chart, chain: FontChain, width: float) -> Drawing:
    """Lines over the months, with a legend above the plot."""
    font = chain.primary.name
    height = 55 * MM
    drawing = _drawing(chain, width, height)
    _title(chain, chart, drawing, width)
    plot = HorizontalLineChart()
    plot.x, plot.y = 40, 20
    plot.width = width - 60
    plot.height = height - 20 - TITLE_SIZE - 24
    plot.data = [tuple(0 if v is None else v for v in s.values) for s in chart.series]
    plot.categoryAxis.categoryNames = list(chart.categories)
    plot.categoryAxis.labels.fontName = font
    plot.categoryAxis.labels.fontSize = LABEL_SIZE
    plot.categoryAxis.strokeColor = GRID
    largest = max((v or 0) for s in chart.series for v in s.values)
    _value_axis(plot.valueAxis, font, _nice_top(largest, chart.unit))
    plot.lineLabels.fontName = font
    plot.joinedLines = True
    for i in range(len(chart.series)):
        plot.lines[i].strokeColor = colour(i)
        plot.lines[i].strokeWidth = 1.5
    drawing.add(plot)
    x = plot.x
    for i, s in enumerate(chart.series):
        drawing.add(
            Line(
                x,
                height - TITLE_SIZE - 14,
                x + 12,
                height - TITLE_SIZE - 14,
                strokeColor=colour(i),
                strokeWidth=1.5,
            )
        )
        drawing.add(text(chain, s.name, x + 15, height - TITLE_SIZE - 16.5, LEGEND_SIZE))
        x += 25 + stringWidth(s.name, font, LEGEND_SIZE)
    return drawing


def draw(chart: Chart, chain: FontChain, width: float) -> Drawing:
    """The chart as a flowable drawing (call only for a chart that is not empty)."""
    if chart.kind == "pie":
        return pie_chart(chart, chain, width)
    if chart.kind == "line":
        return line_chart(chart, chain, width)
    return bar_chart(chart, chain, width)
