"""QtCharts builders for the report: category scores and per-answer delivery figures with guidance bands."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QAreaSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from ...domain.enums import Language
from ..theme import is_dark

# QtCharts elides a bottom label well before it touches its neighbour (even when turned): "A10" under ten
# bars in a half-width chart was cut to "A…". Above this many label characters in all (longest label times
# bars) the bars lie down, and each label gets the whole left margin.
_UPRIGHT_LABEL_BUDGET = 24
ROW_HEIGHT = 28


def _dark() -> bool:
    app = QApplication.instance()
    return isinstance(app, QApplication) and is_dark(app)


def _text_colour() -> QColor:
    return QColor("#e8eaed" if _dark() else "#202124")


def _values_above_bars(series: QAbstractBarSeries) -> None:
    """Value labels sit above (or beside) each bar, rounded, so a narrow bar never cuts its number."""
    series.setLabelsVisible(True)
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsPrecision(3)
    series.setLabelsFormat("@value")


# Value-axis labels. With the French locale QtCharts localises a label only when its format carries a
# precision: "%g" and "%d" came out blank, so every French chart had an unnumbered value axis. Four
# significant digits cover 0-10 scores ("2,5") and words per minute ("300") alike.
AXIS_LABELS = "%.4g"


def new_chart(language: Language = Language.EN) -> QChart:
    """A chart in the app's light or dark look; the theme goes first, as it resets series colours."""
    chart = QChart()
    if _dark():
        chart.setTheme(QChart.ChartTheme.ChartThemeDark)
        chart.setBackgroundBrush(QColor("#292a2d"))
    if language is Language.FR:
        # QtCharts writes its bar and axis figures itself; with the French locale they take the decimal
        # comma the report's text has ("7,8/10" beside a bar labelled "7,8", as domain/numbers.py writes it).
        chart.setLocale(QLocale(QLocale.Language.French, QLocale.Country.France))
        chart.setLocalizeNumbers(True)
    return chart


def _view(chart: QChart, parent: QWidget | None) -> QChartView:
    chart.legend().setVisible(False)
    # Room on the right for the last (possibly turned) category label.
    chart.setMargins(QMargins(4, 4, 16, 4))
    chart.setBackgroundRoundness(6)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view


def category_chart(
    labels: Sequence[str],
    scores: Sequence[float],
    parent: QWidget | None = None,
    *,
    title: str = "Category scores (0-10)",
    language: Language = Language.EN,
) -> QChartView:
    """Horizontal bars on a fixed 0-10 axis so charts of different sessions compare at a glance."""
    bars = QBarSet("Score")
    bars.append([round(score, 1) for score in scores])
    bars.setColor(QColor("#1a73e8"))
    bars.setLabelColor(_text_colour())
    series = QHorizontalBarSeries()
    series.append(bars)
    _values_above_bars(series)
    chart = new_chart(language)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append(list(labels))
    values = QValueAxis()
    values.setRange(0, 10)
    values.setTickCount(6)
    values.setLabelFormat(AXIS_LABELS)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(values)
    chart.setTitle(title)
    return _view(chart, parent)


def _band(low: float | None, high: float | None, top: float, slots: int, *, horizontal: bool) -> QAreaSeries:
    """The guidance range as a shaded rectangle across every bar's slot (slots run from -0.5 to n-0.5)."""
    lower, upper = QLineSeries(), QLineSeries()
    start, end = low or 0.0, high if high is not None else top
    if horizontal:  # values run along x: a vertical stripe, i.e. two horizontal edges from start to end
        for x in (start, end):
            lower.append(QPointF(x, -0.5))
            upper.append(QPointF(x, slots - 0.5))
    else:
        for x in (-0.5, slots - 0.5):
            lower.append(QPointF(x, start))
            upper.append(QPointF(x, end))
    area = QAreaSeries(upper, lower)
    # QAreaSeries does not own its boundary lines: parent them so Python cannot free them under it.
    upper.setParent(area)
    lower.setParent(area)
    area.setColor(QColor(46, 125, 50, 45))
    area.setBorderColor(QColor(46, 125, 50, 120))
    area.setName("guidance")
    return area


def banded_bar_chart(
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    band: tuple[float | None, float | None],
    parent: QWidget | None = None,
    *,
    language: Language = Language.EN,
) -> QChartView:
    """One bar per answer; the guidance band drawn as a shaded range behind the bars.

    Short labels ("Q3") go under upright bars. Longer ones ("Q3 follow-up") would be elided under a narrow
    bar, so then the bars lie down and the labels get the whole left margin.
    """
    horizontal = max((len(label) for label in labels), default=0) * len(labels) > _UPRIGHT_LABEL_BUDGET
    # A category axis on the left counts upwards: reversed, the answers read top to bottom in order.
    shown_labels = list(reversed(labels)) if horizontal else list(labels)
    shown_values = list(reversed(values)) if horizontal else list(values)
    bars = QBarSet(title)
    # Whole numbers above 10 (words per minute), one decimal below (fillers per minute).
    bars.append([round(v) if v >= 10 else round(v, 1) for v in shown_values])
    bars.setColor(QColor("#6b4fbb"))
    bars.setLabelColor(_text_colour())
    series: QAbstractBarSeries = QHorizontalBarSeries() if horizontal else QBarSeries()
    series.append(bars)
    _values_above_bars(series)
    chart = new_chart(language)
    low, high = band
    # Headroom beyond the longest bar for its value label.
    top = max([*values, high or 0.0, low or 0.0, 1.0]) * 1.2
    area = (
        _band(low, high, top, len(values), horizontal=horizontal)
        if low is not None or high is not None
        else None
    )
    if area is not None:
        chart.addSeries(area)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append(shown_labels)
    axis_values = QValueAxis()
    axis_values.setRange(0, top)
    axis_values.applyNiceNumbers()
    axis_values.setLabelFormat(AXIS_LABELS)
    category_side, value_side = (
        (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
        if horizontal
        else (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft)
    )
    chart.addAxis(categories, category_side)
    chart.addAxis(axis_values, value_side)
    series.attachAxis(categories)
    series.attachAxis(axis_values)
    if area is not None:
        # The band needs a numeric axis spanning the same slots as the bar categories.
        slots = QValueAxis()
        slots.setRange(-0.5, len(values) - 0.5)
        slots.setVisible(False)
        chart.addAxis(slots, category_side)
        area.attachAxis(slots)
        area.attachAxis(axis_values)
    chart.setTitle(title)
    view = _view(chart, parent)
    if horizontal:
        # QtCharts elides a left label once its slot is under about 26 px high.
        view.setMinimumHeight(max(220, 80 + ROW_HEIGHT * len(values)))
    return view
