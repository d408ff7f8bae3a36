"""What the probe reports about the coaching loop's windows (practise dialog, plan dialog, Progress page).

Kept apart from probe.py so that other journeys' additions there do not collide with these.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QChartView, QScatterSeries
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QTableWidget, QTextBrowser, QWidget


def _visible(name: str, kind: type[QWidget]) -> Any:
    for top in QApplication.topLevelWidgets():
        candidates = [top] if top.objectName() == name else []
        candidates += top.findChildren(kind, name)
        for widget in candidates:
            if isinstance(widget, kind) and widget.isVisible():
                return widget
    return None


def _text(name: str) -> str | None:
    widget = _visible(name, QWidget)
    if isinstance(widget, QLabel):
        return widget.text()
    if isinstance(widget, QTextBrowser):
        return widget.toPlainText()
    return None


def coaching_state() -> dict[str, Any]:
    table = _visible("progressTable", QTableWidget)
    chart = _visible("progressChart", QChartView)
    return {
        "dialogs": sorted(
            w.windowTitle() for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
        ),
        "practise_question": _text("practiseQuestion"),
        "practise_status": _text("practiseStatus"),
        "practise_before": _text("practiseBefore"),
        "practise_after": _text("practiseAfter"),
        "practise_changes": _text("practiseChanges"),
        "plan_summary": _text("planSummary"),
        "progress_rows": table.rowCount() if table is not None else None,
        "progress_points": len(_dots(chart).points()) if chart is not None and _dots(chart) else 0,
    }


def _dots(view: QChartView) -> QScatterSeries | None:
    return next((s for s in view.chart().series() if isinstance(s, QScatterSeries)), None)


def chart_point(name: str, index: int) -> dict[str, Any]:
    """Where on screen the `index`-th clickable point of a trend chart is drawn."""
    view = _visible(name, QChartView)
    dots = _dots(view) if view is not None else None
    if dots is None or not 0 <= index < dots.count():
        return {"found": False}
    scene = view.chart().mapToPosition(dots.at(index), dots)
    on_screen = view.viewport().mapToGlobal(view.mapFromScene(scene))
    return {"found": True, "x": on_screen.x(), "y": on_screen.y(), "count": dots.count()}
