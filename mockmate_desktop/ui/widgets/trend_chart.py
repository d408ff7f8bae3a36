"""A line chart of one metric across interviews, with its guidance band, whose points can be clicked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from PySide6.QtCharts import (
    QAreaSeries,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from .charts import AXIS_LABELS, new_chart


def _ms(when: datetime) -> float:
    """Milliseconds since the epoch, what QDateTimeAxis plots (naive times are taken as UTC)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.timestamp() * 1000.0


def trend_chart(
    title: str,
    values: Sequence[tuple[datetime, float]],
    band: tuple[float | None, float | None] | None,
    y_range: tuple[float, float] | None,
    on_point: Callable[[int], None],
    parent: QWidget | None = None,
) -> QChartView:
    """`on_point(index)` gets the index in `values` of a clicked point."""
    chart = new_chart()
    chart.legend().setVisible(False)
    chart.setMargins(QMargins(4, 4, 12, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setTitle(title)
    xs = [_ms(w) for w, _ in values]
    ys = [v for _, v in values]
    # One day of margin each side, so a single point or a same-day pair does not sit on the axis.
    lo_x, hi_x = min(xs) - 86_400_000, max(xs) + 86_400_000
    top = max([*ys, *(b for b in (band or (None, None)) if b is not None), 1.0]) * 1.15
    lo_y, hi_y = y_range if y_range is not None else (0.0, top)
    axis_x = QDateTimeAxis()
    axis_x.setFormat("dd MMM")
    axis_x.setRange(QDateTime.fromMSecsSinceEpoch(int(lo_x)), QDateTime.fromMSecsSinceEpoch(int(hi_x)))
    axis_x.setTickCount(min(8, max(2, len(values) + 1)))
    axis_y = QValueAxis()
    axis_y.setRange(lo_y, hi_y)
    axis_y.setLabelFormat(AXIS_LABELS)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    if band is not None:
        lower, upper = QLineSeries(), QLineSeries()
        for x in (lo_x, hi_x):
            lower.append(QPointF(x, band[0] if band[0] is not None else lo_y))
            upper.append(QPointF(x, band[1] if band[1] is not None else hi_y))
        area = QAreaSeries(upper, lower)
        upper.setParent(area)  # QAreaSeries does not own its boundary lines
        lower.setParent(area)
        area.setColor(QColor(46, 125, 50, 45))
        area.setBorderColor(QColor(46, 125, 50, 120))
        chart.addSeries(area)
        area.attachAxis(axis_x)
        area.attachAxis(axis_y)
    line = QLineSeries()
    dots = QScatterSeries()
    dots.setMarkerSize(10)
    for x, y in zip(xs, ys, strict=True):
        line.append(QPointF(x, y))
        dots.append(QPointF(x, y))
    for series in (line, dots):
        chart.addSeries(series)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
    dots.clicked.connect(lambda point: on_point(_nearest(xs, ys, point)))
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(260)
    return view


def _nearest(xs: Sequence[float], ys: Sequence[float], point: QPointF) -> int:
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    return min(
        range(len(xs)), key=lambda i: ((xs[i] - point.x()) / span_x) ** 2 + ((ys[i] - point.y()) / span_y) ** 2
    )
