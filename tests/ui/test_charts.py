"""Report charts keep every label whole: long answer names make the bars lie down with room for them; value
axes are numbered in every interview language."""

from __future__ import annotations

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QHorizontalBarSeries

from mockmate_desktop.domain.enums import Language
from mockmate_desktop.ui.widgets.charts import ROW_HEIGHT, banded_bar_chart, category_chart

WPM = [186.4, 176.2, 129.0, 189.0, 197.0, 171.0]


def _series_and_labels(view):  # type: ignore[no-untyped-def]
    chart = view.chart()
    bars = next(s for s in chart.series() if isinstance(s, QBarSeries | QHorizontalBarSeries))
    axis = next(a for a in chart.axes() if isinstance(a, QBarCategoryAxis))
    return bars, axis.categories()


def test_short_labels_stand_under_upright_bars(qtbot) -> None:
    view = banded_bar_chart(
        "Pace", ["Q1", "Q2", "Q3", "Q4", "Q5", "Q10"], WPM, (110, 170)
    )  # 3 x 6 characters
    qtbot.addWidget(view)
    series, labels = _series_and_labels(view)
    assert isinstance(series, QBarSeries) and labels == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q10"]
    assert [series.barSets()[0].at(i) for i in range(6)] == [186, 176, 129, 189, 197, 171]  # rounded labels


def test_long_labels_lie_down_whole_and_in_order(qtbot) -> None:
    names = ["Q1", "Q1 follow-up", "Q2", "Q3", "Q3 follow-up", "Q4"]
    view = banded_bar_chart("Pace", names, WPM, (110, 170))
    qtbot.addWidget(view)
    series, labels = _series_and_labels(view)
    assert isinstance(series, QHorizontalBarSeries)
    assert labels == list(reversed(names))  # drawn bottom-up, so they read top-down in answer order
    assert series.barSets()[0].at(len(names) - 1) == 186  # Q1's value sits in the top slot
    assert view.minimumHeight() >= ROW_HEIGHT * len(names)


def _value_axis_draws_labels(view) -> bool:  # type: ignore[no-untyped-def]
    """Whether the value axis writes anything: the view drawn with its labels and without them differ."""
    from PySide6.QtCharts import QValueAxis

    axis = next(a for a in view.chart().axes() if isinstance(a, QValueAxis) and a.isVisible())
    view.resize(420, 280)
    view.show()
    shown = view.grab().toImage()
    axis.setLabelsVisible(False)
    hidden = view.grab().toImage()
    axis.setLabelsVisible(True)
    return shown != hidden


@pytest.mark.parametrize("language", [Language.EN, Language.FR, Language.HI], ids=lambda lang: lang.value)
def test_value_axes_are_numbered_in_every_language(qtbot, language: Language) -> None:
    # Under the French locale QtCharts left "%g" and "%d" axes blank: the French report's charts had no scale.
    pace = banded_bar_chart("Pace", ["Q1"], [240.0], (100, 165), language=language)
    scores = category_chart(["Communication", "Technical"], [7.3, 8.7], title="Scores", language=language)
    for view in (pace, scores):
        qtbot.addWidget(view)
        assert _value_axis_draws_labels(view), (language, view.chart().title())
