"""QtCharts builders for the report: category scores and per-answer delivery figures with guidance bands."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
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
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget


def _view(chart: QChart, parent: QWidget | None) -> QChartView:
    chart.legend().setVisible(False)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(6)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view


def category_chart(
    labels: Sequence[str], scores: Sequence[float], parent: QWidget | None = None
) -> QChartView:
    """Horizontal bars on a fixed 0-10 axis so charts of different sessions compare at a glance."""
    bars = QBarSet("Score")
    bars.append(list(scores))
    bars.setColor(QColor("#1a73e8"))
    bars.setLabelColor(QColor("#202124"))
    series = QHorizontalBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    chart = QChart()
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append(list(labels))
    values = QValueAxis()
    values.setRange(0, 10)
    values.setTickCount(6)
    values.setLabelFormat("%d")
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(values)
    chart.setTitle("Category scores (0-10)")
    return _view(chart, parent)


def banded_bar_chart(
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    band: tuple[float | None, float | None],
    parent: QWidget | None = None,
) -> QChartView:
    """One bar per answer; the guidance band drawn as a shaded range behind the bars."""
    bars = QBarSet(title)
    bars.append(list(values))
    bars.setColor(QColor("#6b4fbb"))
    series = QBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    chart = QChart()
    low, high = band
    top = max([*values, high or 0.0, low or 0.0, 1.0]) * 1.15
    if low is not None or high is not None:
        lower, upper = QLineSeries(), QLineSeries()
        span = (-0.5, len(values) - 0.5)
        for x in span:
            lower.append(QPointF(x, low or 0.0))
            upper.append(QPointF(x, high if high is not None else top))
        area = QAreaSeries(upper, lower)
        # QAreaSeries does not own its boundary lines: parent them so Python cannot free them under it.
        upper.setParent(area)
        lower.setParent(area)
        area.setColor(QColor(46, 125, 50, 45))
        area.setBorderColor(QColor(46, 125, 50, 120))
        area.setName("guidance")
        chart.addSeries(area)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append(list(labels))
    axis_y = QValueAxis()
    axis_y.setRange(0, top)
    axis_y.applyNiceNumbers()
    axis_y.setLabelFormat("%g")
    chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    series.attachAxis(axis_y)
    if chart.series() and chart.series()[0] is not series:
        area_series = chart.series()[0]
        # The band needs a numeric x axis spanning the same slots as the bar categories.
        axis_x = QValueAxis()
        axis_x.setRange(-0.5, len(values) - 0.5)
        axis_x.setVisible(False)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        area_series.attachAxis(axis_x)
        area_series.attachAxis(axis_y)
    chart.setTitle(title)
    return _view(chart, parent)
